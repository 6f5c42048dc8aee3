package org.sscard.desk.check;

/** The reception-check grant at auth-service's token endpoint; {@link ReceptionGrantClient} is the real one. */
interface ReceptionGrants {

    /**
     * A token for the person's insurer ({@code audience}, or the relay's choice, the newest, when null), asked with
     * the clerk's own access token as the actor. Never throws for the platform's answers: unreachable is
     * {@link GrantError#TEMPORARILY_UNAVAILABLE}.
     */
    GrantAnswer grant(String actorToken, CheckRequest request, String audience);
}
