package org.sscard.auth.operator;

import java.util.Optional;
import org.sscard.auth.relay.RelayCard;
import org.sscard.auth.relay.RelayCardLogin;
import org.sscard.auth.relay.RelayDirectory;
import org.sscard.auth.relay.RelayUnavailableException;

/**
 * The relay's staff register, asked again at every grant (the card login's own question, by the staff card's
 * serial): an administrator's login outlives its check by the access token's minutes and by its refresh tokens, and
 * a suspended card or a staff member who left or changed role must stop acting at once, not when their console
 * session ends. Fails closed: a relay that cannot answer issues no token.
 */
final class StaffRegister {

    private final RelayDirectory relay;

    StaffRegister(RelayDirectory relay) {
        this.relay = relay;
    }

    /** The staff member's current name in kanji (null when the register has none), if they still stand as logged in. */
    String requireActive(OperatorRules.Staff staff) {
        Optional<RelayCardLogin> found;
        try {
            found = relay.cardLogin(staff.certificateSerial(), Optional.empty());
        } catch (RelayUnavailableException e) {
            throw new OperatorActionRefused(OperatorRefusal.UNAVAILABLE, "the staff register cannot be asked");
        }
        RelayCard card = found.map(RelayCardLogin::card).orElse(null);
        RelayCardLogin.Holder holder = found.map(RelayCardLogin::holder).orElse(null);
        if (card == null
                || holder == null
                || !"ACTIVE".equals(card.status())
                || !"STAFF".equals(card.holderType())
                || !staff.id().equals(card.holderId())
                || !staff.id().equals(holder.id())
                || !"ACTIVE".equals(holder.status())
                || !staff.role().equals(holder.role())
                || !staff.organisation().equals(holder.organisation())) {
            throw new OperatorActionRefused(
                    OperatorRefusal.STAFF_NOT_ACTIVE, "the staff card or member is no longer active as logged in");
        }
        return holder.nameKanji();
    }
}
