package org.sscard.auth.relay;

import java.util.UUID;

/**
 * The relay's answer to a card login: the card registered for the certificate and its holder. A person's holder
 * says whether the certificate's personal ID is theirs ({@code personalIdMatches}); a staff member's carries
 * organisation (a provider key or {@code city}) and role, and their name in kanji and kana (absent from a relay that
 * does not send them). {@code status}: ACTIVE, SUSPENDED, ... of the holder.
 */
public record RelayCardLogin(RelayCard card, Holder holder) {

    public record Holder(
            UUID id,
            String status,
            Boolean personalIdMatches,
            String organisation,
            String role,
            String nameKanji,
            String nameKana) {}
}
