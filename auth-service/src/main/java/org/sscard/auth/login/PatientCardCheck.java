package org.sscard.auth.login;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A patient's card shown at a reception desk, checked as the resident login checks it but without a TLS handshake:
 * the RFC 5280 path from the card through the platform's issuing CA to the platform root, with revocation, then the
 * resident profile's certificate-level rules ({@link CardProfileCheck}: EKU, the resident policy, the subject). The
 * card proves nothing here (no signature by its key); the relay then checks that it is registered, active and the
 * patient's.
 *
 * <p>The validator it is given never fails open, whatever the login's {@code revocation-fail-open} says: a login
 * that failed open is audited and the person is in front of their own screen, but a desk answer about a revoked or
 * lost card would hand the patient's insurance data to whoever holds it.
 */
public final class PatientCardCheck {

    /**
     * The validator's reasons that are the CA's word on the card's path (the card or a CA above it), and the status
     * nobody could tell (REVOCATION_UNKNOWN): all come after the path's signatures verified, so the card is named.
     */
    private static final Set<String> CA_REFUSALS = Set.of("REVOKED", "ON_HOLD", "EXPIRED", "REVOCATION_UNKNOWN");

    private final CardCertificateCheck failClosed;
    private final List<X509Certificate> platformIntermediates;
    private final CardProfileCheck profiles;

    PatientCardCheck(
            CardCertificateCheck failClosed, List<X509Certificate> platformIntermediates, CardProfileCheck profiles) {
        this.failClosed = failClosed;
        this.platformIntermediates = List.copyOf(platformIntermediates);
        this.profiles = profiles;
    }

    /**
     * The card's certificate serial and personal ID, for the relay's check.
     *
     * @throws LoginRefusedException with the login's refusal: {@code CARD_REVOKED}, {@code CARD_SUSPENDED} (on hold),
     *     {@code CARD_EXPIRED}, {@code REVOCATION_UNAVAILABLE} (status unknown), {@code STAFF_CARD_AT_RESIDENT_ENTRANCE},
     *     or another code for a certificate that is no resident card of this platform; the first four as
     *     {@link RefusedByCa}, naming the card when its subject is a resident's
     */
    public PatientCard check(X509Certificate card) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(card);
        chain.addAll(platformIntermediates);
        CardCertificateCheck.Verdict verdict = failClosed.check(chain);
        if (!verdict.accepted()) {
            LoginRefusal refusal = CardLoginService.refusalFor(verdict.reason());
            if (CA_REFUSALS.contains(verdict.reason())) {
                throw new RefusedByCa(refusal, verdict.reason(), identify(card));
            }
            throw LoginRefusedException.byValidator(refusal, verdict.reason());
        }
        CertifiedCard resident = profiles.check(card, verdict.policies(), LoginProfile.RESIDENT);
        return new PatientCard(resident.certificate().serialHex(), resident.personalId());
    }

    /** The serial and personal ID of a certificate the CA refused; null when its subject is no resident's. */
    private PatientCard identify(X509Certificate card) {
        return profiles.residentSubject(card)
                .map(personalId -> new PatientCard(card.getSerialNumber().toString(16), personalId))
                .orElse(null);
    }

    /** A checked patient card: its certificate serial (hex) and the personal ID its subject names. */
    public record PatientCard(String certificateSerial, org.sscard.common.id.PersonalId personalId) {}

    /**
     * The CA refused the card: revoked, on hold or expired, or its revocation status could not be told
     * ({@link #pkiRefusal()}, the validator's reason). The path
     * validator verified the signatures up to the platform root before it looked at validity dates and revocation,
     * so the certificate is the CA's own and what its subject names can be told to the relay, whose access log then
     * tells the holder that a desk tried their card.
     */
    public static final class RefusedByCa extends LoginRefusedException {

        private final transient PatientCard card;

        RefusedByCa(LoginRefusal refusal, String pkiRefusal, PatientCard card) {
            super(refusal, pkiRefusal, pkiRefusal);
            this.card = card;
        }

        /** {@code REVOKED}, {@code ON_HOLD}, {@code EXPIRED} or {@code REVOCATION_UNKNOWN}. */
        public String pkiRefusal() {
            return validatorReason();
        }

        /** The card's serial and personal ID; empty when the subject is not a resident's (e.g. a staff card). */
        public Optional<PatientCard> card() {
            return Optional.ofNullable(card);
        }
    }
}
