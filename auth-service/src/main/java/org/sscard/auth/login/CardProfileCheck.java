package org.sscard.auth.login;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.sscard.auth.certificate.ClientLeafRules;
import org.sscard.common.id.PersonalId;
import org.sscard.common.id.PersonalIdFormat;

/**
 * The certificate-level half of a login profile: what RFC 5280 and TLS client authentication ask of the card's
 * certificate ({@link ClientLeafRules}: an end entity, digitalSignature, EKU clientAuth, an RSA or EC key, no stray
 * critical extension, no subject alternative names), the card policy naming this profile (from the path's PKIX
 * valid-policy tree), and the subject's shape. It reads nothing but the (already path-validated) certificate and
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
        // a card names its holder in the subject only: no subject alternative names
        ClientLeafRules.refusal(certificate, List.of()).ifPresent(refusal -> {
            throw new LoginRefusedException(
                    refusal.defect() == ClientLeafRules.Defect.NO_CLIENT_AUTH
                            ? LoginRefusal.EKU_MISSING
                            : LoginRefusal.CERTIFICATE_UNFIT,
                    refusal.detail());
        });
        LoginProfile certified = CardPolicies.profileOf(card.policies())
                .orElseThrow(() -> new LoginRefusedException(LoginRefusal.UNKNOWN_POLICY, "no single card policy"));
        if (certified == LoginProfile.STAFF && profile == LoginProfile.RESIDENT) {
            throw new LoginRefusedException(
                    LoginRefusal.STAFF_CARD_AT_RESIDENT_ENTRANCE, certified + " card on the " + profile + " login");
        }
        if (certified != profile) {
            throw new LoginRefusedException(
                    LoginRefusal.WRONG_PROFILE, certified + " card on the " + profile + " login");
        }
        return profile == LoginProfile.RESIDENT
                ? CertifiedCard.resident(card, ResidentCertificateRules.personalId(card, personalIds))
                : CertifiedCard.staff(card, StaffCertificateRules.identity(card));
    }

    /**
     * The personal ID a resident card's subject names, read as {@link #check} reads it but without the profile's
     * other rules: for a certificate whose path the CA refused (revoked, on hold, expired), where the policies are
     * not known. Empty when the subject is not a resident's (a staff card, a malformed or invalid ID).
     */
    Optional<PersonalId> residentSubject(X509Certificate certificate) {
        try {
            return Optional.of(
                    ResidentCertificateRules.personalId(CardCertificate.of(certificate, Set.of()), personalIds));
        } catch (LoginRefusedException e) {
            return Optional.empty();
        }
    }
}
