package org.sscard.console.residents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.BackendException;
import org.sscard.console.backend.Card;
import org.sscard.console.backend.RelayClient;

/**
 * The card an action names, found among the resident's own cards at the relay: a card serial in the path that is not
 * this resident's (or not in a state the action fits) is refused before the card issuer is asked, so that an edited
 * URL cannot reach another resident's card.
 */
@Component
class ResidentCards {

    private final RelayClient relay;

    ResidentCards(RelayClient relay) {
        this.relay = relay;
    }

    Card find(Acting acting, UUID personId, String cardSerial, Predicate<Card> fits) {
        List<Card> cards = relay.cards(acting, personId);
        Card card = cards.stream()
                .filter(c -> c.cardSerial() != null && c.cardSerial().equals(cardSerial))
                .findFirst()
                .orElseThrow(() -> new BackendException(
                        "operator-console", 404, "CARD_NOT_FOUND", "not this resident's card", List.of()));
        if (!fits.test(card)) {
            throw new BackendException(
                    "operator-console", 409, "CARD_STATE", "the card is " + card.status(), List.of());
        }
        return card;
    }

    /** What admin_action keeps of a card before a change. */
    static Map<String, Object> before(Card card) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("cardSerial", card.cardSerial());
        before.put("certificateSerial", card.certificateSerial());
        before.put("status", card.status());
        return before;
    }
}
