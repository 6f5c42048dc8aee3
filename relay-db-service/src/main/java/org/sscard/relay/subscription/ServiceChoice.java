package org.sscard.relay.subscription;

import java.util.UUID;
import org.sscard.relay.provider.ProviderType;

/**
 * One service of one provider and where a person stands with it, for choosing services at the counter or in My
 * Portal; {@code subscriptionId} only when JOINED.
 */
public record ServiceChoice(
        String providerKey,
        ProviderType providerType,
        String providerNameJa,
        String providerNameEn,
        String serviceKey,
        String serviceNameJa,
        String serviceNameEn,
        State state,
        UUID subscriptionId) {

    public enum State {
        /** An open subscription (whether or not the provider still knows the person: they may withdraw). */
        JOINED,
        /** The provider holds an ID for the person valid today, and they have not joined. */
        JOINABLE,
        /** The provider holds no ID for the person valid today: nothing to join. */
        NOT_KNOWN;

        static State of(boolean subscribed, boolean known) {
            return subscribed ? JOINED : known ? JOINABLE : NOT_KNOWN;
        }
    }
}
