package org.sscard.relay.release;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.sscard.relay.audit.AccessAction;

/**
 * auth-service is about to vouch for {@code person} to {@code providerKey} with {@code issued}, and needs the
 * provider's own ID for them to do so. The acting-for ({@code Sscard-Acting-For}) and the purpose
 * ({@code Sscard-Purpose}) come from headers, as for every row of the access log.
 */
record ReleaseRequest(
        @NotNull UUID person,
        @NotNull String providerKey,
        @NotNull Issued issued) {

    /** What carries the provider's ID to the provider, and the access-log action that records it. */
    enum Issued {
        /** An RFC 8693 pairwise access token whose {@code sub} is the provider's ID. */
        PAIRWISE_TOKEN(AccessAction.TOKEN_ISSUED, "pairwise token"),
        /** A SAML assertion whose NameID is the provider's ID. */
        SAML_ASSERTION(AccessAction.ASSERTION_ISSUED, "SAML single sign-on");

        private final AccessAction action;
        private final String defaultPurpose;

        Issued(AccessAction action, String defaultPurpose) {
            this.action = action;
            this.defaultPurpose = defaultPurpose;
        }

        AccessAction action() {
            return action;
        }

        String defaultPurpose() {
            return defaultPurpose;
        }
    }
}
