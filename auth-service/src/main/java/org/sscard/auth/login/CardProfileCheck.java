package org.sscard.auth.login;

import java.security.cert.X509Certificate;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.sscard.common.id.PersonalIdFormat;

/**
 * The certificate-level half of a login profile: EKU clientAuth, the card policy naming this profile (from the
 * path's PKIX valid-policy tree), and the subject's shape. It reads nothing but the (already path-validated) certificate and
 * the path's valid policies, so the login and the operator's {@code sscard-verify} run this one class and cannot
 * disagree; the relay checks follow in the login only.
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
     * @param validPolicies the policies the validated path vouches for at the card: the PKIX valid-policy tree's
     *                      ({@code ValidatedPath.validPolicies()}), not the card's own certificatePolicies extension,
     *                      which a CA above it may not have allowed
     * @throws LoginRefusedException with the login's refusal code; its detail never holds a personal ID
     */
    public CertifiedCard check(X509Certificate certificate, Set<String> validPolicies, LoginProfile profile) {
        CardCertificate card = CardCertificate.of(certificate, validPolicies);
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
