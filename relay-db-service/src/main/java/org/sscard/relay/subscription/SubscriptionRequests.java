package org.sscard.relay.subscription;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

final class SubscriptionRequests {

    private SubscriptionRequests() {
    }

    record Subscribe(@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String providerKey,
                     @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String serviceKey) {
    }
}
