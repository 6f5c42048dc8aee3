package org.sscard.console.backend;

/**
 * The audiences the console asks operator tokens for (contract): the relay and the card issuer by their service
 * names; an insurer's imports by the insurer's provider key, which is the operator's own organisation.
 */
final class Audiences {

    static final String RELAY = "relay-db-service";
    static final String CARD_ISSUER = "card-issuer";

    private Audiences() {}
}
