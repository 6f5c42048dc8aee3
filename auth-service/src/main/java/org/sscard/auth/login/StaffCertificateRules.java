package org.sscard.auth.login;

import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The staff token's subject: {@code C, O=<organisation>, OU=<role>, UID=<staff ID>, CN} and nothing else, the role
 * the one the certificate policy names and the UID a staff ID (UUID).
 */
final class StaffCertificateRules {

    /** What the staff certificate claims; the login then holds it against the relay's staff register. */
    record StaffIdentity(UUID staffId, String organisation, String role) {}

    private static final Set<ASN1ObjectIdentifier> ALLOWED =
            Set.of(BCStyle.C, BCStyle.O, BCStyle.OU, BCStyle.UID, BCStyle.CN);

    private StaffCertificateRules() {}

    static StaffIdentity identity(CardCertificate certificate) {
        if (!certificate.subjectWellFormed()
                || !ALLOWED.containsAll(certificate.subject().keySet())) {
            throw malformed("unexpected subject attributes");
        }
        String organisation = certificate.single(BCStyle.O).orElseThrow(() -> malformed("no single O"));
        String role = certificate.single(BCStyle.OU).orElseThrow(() -> malformed("no single OU"));
        String uid = certificate.single(BCStyle.UID).orElseThrow(() -> malformed("no single UID"));
        if (!role.equals(CardPolicies.staffRole(certificate.policies()))) {
            throw malformed("OU does not agree with the certificate policy");
        }
        try {
            return new StaffIdentity(UUID.fromString(uid), organisation, role);
        } catch (IllegalArgumentException e) {
            throw malformed("UID is not a staff ID");
        }
    }

    private static LoginRefusedException malformed(String detail) {
        return new LoginRefusedException(LoginRefusal.MALFORMED_SUBJECT, detail);
    }
}
