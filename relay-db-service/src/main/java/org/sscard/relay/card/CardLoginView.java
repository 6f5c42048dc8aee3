package org.sscard.relay.card;

import java.util.UUID;

/**
 * A card and its holder, for a card login. {@code personalIdMatches} only for a person's card (whether the personal
 * ID asked about is the holder's); {@code organisation} and {@code role} only for a staff member's.
 */
record CardLoginView(CardView card, Holder holder) {

    record Holder(UUID id, String status, Boolean personalIdMatches, String organisation, String role) {}
}
