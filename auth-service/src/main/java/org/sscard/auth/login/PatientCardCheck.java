package org.sscard.auth.login;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

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
     *     or another code for a certificate that is no resident card of this platform
     */
    public PatientCard check(X509Certificate card) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(card);
        chain.addAll(platformIntermediates);
        CardCertificateCheck.Verdict verdict = failClosed.check(chain);
        if (!verdict.accepted()) {
            throw LoginRefusedException.byValidator(CardLoginService.refusalFor(verdict.reason()), verdict.reason());
        }
        CertifiedCard resident = profiles.check(card, verdict.policies(), LoginProfile.RESIDENT);
        return new PatientCard(resident.certificate().serialHex(), resident.personalId());
    }

    /** A checked patient card: its certificate serial (hex) and the personal ID its subject names. */
    public record PatientCard(String certificateSerial, org.sscard.common.id.PersonalId personalId) {}
}
