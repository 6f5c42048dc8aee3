package org.sscard.auth.login;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.sscard.auth.relay.RelayCardLogin;

/**
 * The staff login's relay layer, after {@link CardProfileCheck} has read organisation, role and staff ID from the
 * certificate: the card active in the relay and registered to that staff member, who is active in the same
 * organisation and role.
 */
@Component
class StaffProfile {

    private final CardRegister cards;

    StaffProfile(CardRegister cards) {
        this.cards = cards;
    }

    CardHolder verify(CertifiedCard member) {
        CardCertificate certificate = member.certificate();
        StaffCertificateRules.StaffIdentity claimed = member.staff();
        RelayCardLogin.Holder staff =
                cards.requireActive(certificate, "STAFF", Optional.empty()).holder();
        if (!claimed.staffId().equals(staff.id())) {
            throw new LoginRefusedException(LoginRefusal.CARD_MISMATCH, "card registered to another staff member");
        }
        if (!"ACTIVE".equals(staff.status())) {
            throw new LoginRefusedException(LoginRefusal.STAFF_INACTIVE, "staff " + staff.status());
        }
        if (!claimed.organisation().equals(staff.organisation())
                || !claimed.role().equals(staff.role())) {
            throw new LoginRefusedException(
                    LoginRefusal.STAFF_MISMATCH,
                    "certificate says "
                            + claimed.organisation() + "/" + claimed.role() + ", the register " + staff.organisation()
                            + "/"
                            + staff.role());
        }
        return CardHolder.staff(
                claimed.staffId().toString(),
                claimed.role(),
                claimed.organisation(),
                certificate.serialHex(),
                staff.nameKanji(),
                staff.nameKana());
    }
}
