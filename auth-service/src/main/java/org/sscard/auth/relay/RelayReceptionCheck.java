package org.sscard.auth.relay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * The relay's answer to a reception check ({@code POST /api/v1/reception-checks}): the clerk's hospital's own number
 * for the patient (null when the hospital has none), the insurer the relay chose (or was asked for) with its own ID
 * for the patient (null when the patient has no insurer at all), the organisations whose staff that insurer lets act,
 * and every insurer the patient has, newest first. Dates stay as the relay wrote them (ISO dates): auth-service only
 * passes them on.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelayReceptionCheck(
        String patientNumber, Insurer insurer, List<String> staffOrganisations, List<InsurerEntry> insurers) {

    public RelayReceptionCheck {
        staffOrganisations = staffOrganisations == null ? List.of() : List.copyOf(staffOrganisations);
        insurers = insurers == null ? List.of() : List.copyOf(insurers);
    }

    public Optional<Insurer> coverage() {
        return Optional.ofNullable(insurer);
    }

    /** The insurer the token is for: its key, and its own ID for the patient (the token's subject). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Insurer(String providerKey, String localId) {}

    /** One of the patient's insurer mappings, with the insurer's names; {@code validTo} null while it lasts. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InsurerEntry(String providerKey, String nameJa, String nameEn, String validFrom, String validTo) {}

    /**
     * The question: by card (certificate serial and the card's personal ID) or by provisional SSN. {@code pkiRefusal}
     * ({@code REVOKED}, {@code ON_HOLD}, {@code EXPIRED}, {@code STATUS_UNKNOWN}; else null): the CA refused the card
     * or its status could not be told, and the relay only logs the refused check for the card's holder and answers
     * with that reason. {@code clerkCertificateSerial}: the serial (hex) of the staff card the clerk logged in with,
     * which the relay requires to be still active.
     */
    public record Question(
            String clerk,
            String clerkCertificateSerial,
            String organisation,
            String method,
            String certificateSerial,
            String personalId,
            String provisionalSsn,
            String dateOfBirth,
            String reason,
            String insurer,
            String pkiRefusal) {

        /** Neither the personal ID nor the SSN: this string ends up in logs. */
        @Override
        public String toString() {
            return "Question[clerk=" + clerk + ", organisation=" + organisation + ", method=" + method
                    + (pkiRefusal == null ? "" : ", pkiRefusal=" + pkiRefusal) + "]";
        }
    }

    /** The relay's refusals, by its problem codes. */
    public enum Refusal {
        CLERK_NOT_ALLOWED,
        CARD_UNKNOWN,
        CARD_SUSPENDED,
        CARD_REVOKED,
        CARD_EXPIRED,
        /** The card's revocation status could not be told ({@code pkiRefusal=STATUS_UNKNOWN}), and it is logged. */
        CARD_STATUS_UNKNOWN,
        PERSON_INACTIVE,
        PERSON_NOT_MATCHED,
        INSURER_NOT_FOUND
    }

    /** The relay refused the check, saying why; the relay has logged it where it concerns a person. */
    public static final class RefusedException extends RuntimeException {

        private final Refusal refusal;

        public RefusedException(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }
}
