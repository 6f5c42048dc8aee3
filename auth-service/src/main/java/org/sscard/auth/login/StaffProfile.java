package org.sscard.auth.login;

import java.util.Set;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.stereotype.Component;
import org.sscard.auth.relay.RelayCard;
import org.sscard.auth.relay.RelayDirectory;
import org.sscard.auth.relay.RelayStaff;

/**
 * The staff token: subject {@code C, O=<organisation>, OU=<role>, UID=<staff ID>, CN}, the role agreeing with the
 * certificate policy, the card active in the relay and registered to that staff member, who is active in the same
 * organisation and role.
 */
@Component
class StaffProfile {

    private static final Set<ASN1ObjectIdentifier> ALLOWED = Set.of(BCStyle.C, BCStyle.O, BCStyle.OU, BCStyle.UID,
            BCStyle.CN);

    private final CardRegister cards;
    private final RelayDirectory relay;

    StaffProfile(CardRegister cards, RelayDirectory relay) {
        this.cards = cards;
        this.relay = relay;
    }

    CardHolder verify(CardCertificate certificate) {
        if (!certificate.subjectWellFormed() || !ALLOWED.containsAll(certificate.subject().keySet())) {
            throw malformed("unexpected subject attributes");
        }
        String organisation = certificate.single(BCStyle.O).orElseThrow(() -> malformed("no single O"));
        String role = certificate.single(BCStyle.OU).orElseThrow(() -> malformed("no single OU"));
        String uid = certificate.single(BCStyle.UID).orElseThrow(() -> malformed("no single UID"));
        if (!role.equals(CardPolicies.staffRole(certificate.policies()))) {
            throw malformed("OU does not agree with the certificate policy");
        }
        UUID staffId;
        try {
            staffId = UUID.fromString(uid);
        } catch (IllegalArgumentException e) {
            throw malformed("UID is not a staff ID");
        }
        RelayCard card = cards.requireActive(certificate, "STAFF");
        if (!staffId.equals(card.holderId())) {
            throw new LoginRefusedException(LoginRefusal.CARD_MISMATCH, "card registered to another staff member");
        }
        RelayStaff staff = relay.staff(staffId).orElseThrow(() ->
                new LoginRefusedException(LoginRefusal.CARD_MISMATCH, "no such staff member"));
        if (!"ACTIVE".equals(staff.status())) {
            throw new LoginRefusedException(LoginRefusal.STAFF_INACTIVE, "staff " + staff.status());
        }
        if (!organisation.equals(staff.organisation()) || !role.equals(staff.role())) {
            throw new LoginRefusedException(LoginRefusal.STAFF_MISMATCH, "certificate says " + organisation + "/"
                    + role + ", the register " + staff.organisation() + "/" + staff.role());
        }
        return CardHolder.staff(staffId.toString(), role, organisation, certificate.serialHex());
    }

    private static LoginRefusedException malformed(String detail) {
        return new LoginRefusedException(LoginRefusal.MALFORMED_SUBJECT, detail);
    }
}
