package org.sscard.auth.login;

import java.security.cert.X509Certificate;
import org.springframework.stereotype.Component;
import org.sscard.common.id.PersonalIdFormat;

/**
 * The certificate-level half of a login profile: EKU clientAuth, the card policy naming this profile, and the
 * subject's shape. It reads nothing but the (already path-validated) certificate, so the login and the operator's
 * {@code sscard-verify} run this one class and cannot disagree; the relay checks follow in the login only.
 */
@Component
public class CardProfileCheck {

    private final PersonalIdFormat personalIds;

    public CardProfileCheck(PersonalIdFormat personalIds) {
        this.personalIds = personalIds;
    }

    /**
     * The card as the profile reads it.
     *
     * @throws LoginRefusedException with the login's refusal code; its detail never holds a personal ID
     */
    public CertifiedCard check(X509Certificate certificate, LoginProfile profile) {
        CardCertificate card = CardCertificate.of(certificate);
        if (!card.clientAuth()) {
            throw new LoginRefusedException(LoginRefusal.EKU_MISSING, "no clientAuth extended key usage");
        }
        LoginProfile certified = CardPolicies.profileOf(card.policies())
                .orElseThrow(() -> new LoginRefusedException(LoginRefusal.UNKNOWN_POLICY, "no single card policy"));
        if (certified != profile) {
            throw new LoginRefusedException(
                    LoginRefusal.WRONG_PROFILE, certified + " card on the " + profile + " login");
        }
        return profile == LoginProfile.RESIDENT
                ? CertifiedCard.resident(card, ResidentCertificateRules.personalId(card, personalIds))
                : CertifiedCard.staff(card, StaffCertificateRules.identity(card));
    }
}
