package org.sscard.relay.card;

import java.util.UUID;

/**
 * A card and its holder, for a card login. {@code personalIdMatches} only for a person's card (whether the personal
 * ID asked about is the holder's); {@code organisation}, {@code role}, {@code nameKanji} and {@code nameKana} only for
 * a staff member's (auth-service puts the names into the staff member's tokens: a desk names its clerk). A resident's
 * name is never part of this answer.
 */
record CardLoginView(CardView card, Holder holder) {

    record Holder(
            UUID id,
            String status,
            Boolean personalIdMatches,
            String organisation,
            String role,
            String nameKanji,
            String nameKana) {}
}
