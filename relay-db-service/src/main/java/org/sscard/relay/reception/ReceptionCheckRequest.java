package org.sscard.relay.reception;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;
import org.sscard.common.provider.ValidProviderKey;

/**
 * auth-service's question for a reception-check grant: may this clerk of this hospital check this patient, and at
 * which insurer? {@code method} CARD: the patient card's certificate serial (hex) and the personal ID on it, after
 * auth-service validated the certificate; SSN: the provisional social-security number, the date of birth and why the
 * card is not at hand. {@code insurer}: an insurer key, or absent for the newest insurer mapping. {@code pkiRefusal}
 * (CARD only): the CA refused the card's certificate (revoked, on hold, expired) after its signature chain was
 * verified; the relay then only identifies the card and logs the refused check in the holder's access log. In a body,
 * never a URL; the personal ID and the SSN are never echoed in an answer or a log. {@code clerkCertificateSerial}: the
 * serial (hex) of the staff card the clerk logged in with; the clerk checks only while that card is still ACTIVE, so
 * that a suspended or revoked staff card ends an open desk session at its next check.
 */
record ReceptionCheckRequest(
        @NotNull UUID clerk,
        @NotNull @ValidProviderKey String organisation,

        @NotNull @Pattern(regexp = "[0-9a-fA-F]{1,64}", message = "the certificate serial in hex")
        String clerkCertificateSerial,

        @NotNull Method method,

        @Pattern(regexp = "[0-9a-fA-F]{1,64}", message = "the certificate serial in hex")
        String certificateSerial,

        @Pattern(regexp = "[0-9]{44}", message = "44 digits")
        String personalId,

        @Pattern(regexp = "[0-9]{12}", message = "12 digits")
        String provisionalSsn,

        LocalDate dateOfBirth,
        Reason reason,
        @ValidProviderKey String insurer,
        PkiRefusal pkiRefusal) {

    enum Method {
        CARD,
        SSN
    }

    /** Why a check goes by SSN and date of birth instead of the card. */
    enum Reason {
        CARD_UNREADABLE,
        CARD_FORGOTTEN
    }

    /**
     * Why the CA refused the card's certificate, as auth-service's path validation names it; {@code STATUS_UNKNOWN}:
     * the signatures verified but neither OCSP nor the CRL told the card's revocation status.
     */
    enum PkiRefusal {
        REVOKED("revoked at the CA"),
        ON_HOLD("suspended at the CA"),
        EXPIRED("expired at the CA"),
        STATUS_UNKNOWN("the card's status could not be checked");

        private final String words;

        PkiRefusal(String words) {
            this.words = words;
        }
    }

    /** The access log's purpose: where and how the patient was checked, in words the resident reads. */
    String purpose() {
        return purpose(pkiRefusal == null ? null : pkiRefusal.words);
    }

    /** The purpose with why the check was refused, e.g. {@code ...(SSN: CARD_UNREADABLE): date of birth ...}. */
    String purpose(String refusedBecause) {
        return "reception check at " + organisation + (method == Method.CARD ? " (card)" : " (SSN: " + reason + ")")
                + (refusedBecause == null ? "" : ": " + refusedBecause);
    }
}
