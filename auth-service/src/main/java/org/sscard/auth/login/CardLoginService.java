package org.sscard.auth.login;

import java.security.cert.X509Certificate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.sscard.auth.relay.RelayUnavailableException;

/**
 * One card login, in order: rate limit, certificate path check, then the login profile: its certificate-level
 * layer ({@link CardProfileCheck}: EKU clientAuth, the policy deciding resident or staff, the subject), then the
 * relay's registers. Every attempt is audited.
 */
@Service
public class CardLoginService {

    private final LoginRateLimiter rateLimiter;
    private final CardCertificateCheck certificateCheck;
    private final CardProfileCheck profileCheck;
    private final ResidentProfile residents;
    private final StaffProfile staff;
    private final LoginAudit audit;

    CardLoginService(
            LoginRateLimiter rateLimiter,
            CardCertificateCheck certificateCheck,
            CardProfileCheck profileCheck,
            ResidentProfile residents,
            StaffProfile staff,
            LoginAudit audit) {
        this.rateLimiter = rateLimiter;
        this.certificateCheck = certificateCheck;
        this.profileCheck = profileCheck;
        this.residents = residents;
        this.staff = staff;
        this.audit = audit;
    }

    public CardHolder login(List<X509Certificate> chain, LoginProfile profile, String clientAddress) {
        String serial = chain.isEmpty() ? null : chain.get(0).getSerialNumber().toString(16);
        try {
            CardHolder holder = verify(chain, profile, clientAddress);
            audit.success(profile, holder, clientAddress);
            return holder;
        } catch (LoginRefusedException e) {
            audit.refused(profile, serial, e, clientAddress);
            throw e;
        }
    }

    private CardHolder verify(List<X509Certificate> chain, LoginProfile profile, String clientAddress) {
        if (!rateLimiter.tryAcquire(clientAddress)) {
            throw new LoginRefusedException(LoginRefusal.RATE_LIMITED, "too many attempts from this address");
        }
        if (chain.isEmpty()) {
            throw new LoginRefusedException(LoginRefusal.NO_CERTIFICATE, "no client certificate");
        }
        CardCertificateCheck.Verdict verdict = certificateCheck.check(chain);
        if (!verdict.accepted()) {
            throw LoginRefusedException.byValidator(refusalFor(verdict.reason()), verdict.reason());
        }
        // EKU, policy and subject: the certificate-level layer sscard-verify runs too
        CertifiedCard card = profileCheck.check(chain.get(0), verdict.policies(), profile);
        try {
            return profile == LoginProfile.RESIDENT ? residents.verify(card) : staff.verify(card);
        } catch (RelayUnavailableException e) {
            throw new LoginRefusedException(LoginRefusal.RELAY_UNAVAILABLE, e.getMessage());
        }
    }

    /**
     * What the person is told: revoked, suspended and expired cards get the same plain message as when the relay's
     * register says so; any other path failure is "could not be verified". The audit keeps the validator's reason.
     */
    static LoginRefusal refusalFor(String certificateReason) {
        return switch (certificateReason) {
            case "REVOKED" -> LoginRefusal.CARD_REVOKED;
            case "ON_HOLD" -> LoginRefusal.CARD_SUSPENDED;
            case "EXPIRED" -> LoginRefusal.CARD_EXPIRED;
            case "REVOCATION_UNKNOWN" -> LoginRefusal.REVOCATION_UNAVAILABLE;
            default -> LoginRefusal.CERTIFICATE_REJECTED;
        };
    }
}
