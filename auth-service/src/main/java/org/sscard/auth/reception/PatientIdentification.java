package org.sscard.auth.reception;

import java.io.Serializable;
import java.security.cert.X509Certificate;
import java.time.LocalDate;

/** How the desk names the patient: their card's certificate, or their provisional SSN with their date of birth. */
sealed interface PatientIdentification extends Serializable {

    /** The relay's name of the method. */
    String method();

    /** What the relay's access log says the check was, e.g. {@code (card)} or {@code (SSN: CARD_FORGOTTEN)}. */
    String describe();

    record ByCard(X509Certificate certificate) implements PatientIdentification {

        @Override
        public String method() {
            return "CARD";
        }

        @Override
        public String describe() {
            return "(card)";
        }

        /** Not the certificate: its subject is the personal ID, and this may end up in logs. */
        @Override
        public String toString() {
            return "ByCard[" + certificate.getSerialNumber().toString(16) + "]";
        }
    }

    /** Why the card is not used: the desk says so, and the patient's access log keeps it. */
    enum NoCardReason {
        CARD_UNREADABLE,
        CARD_FORGOTTEN
    }

    record BySsn(String provisionalSsn, LocalDate dateOfBirth, NoCardReason reason) implements PatientIdentification {

        @Override
        public String method() {
            return "SSN";
        }

        @Override
        public String describe() {
            return "(SSN: " + reason + ")";
        }

        /** Never the SSN or the date of birth: this may end up in logs. */
        @Override
        public String toString() {
            return "BySsn[" + reason + "]";
        }
    }
}
