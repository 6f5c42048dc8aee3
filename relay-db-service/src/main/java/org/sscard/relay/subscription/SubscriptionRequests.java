package org.sscard.relay.subscription;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.sscard.common.provider.ValidProviderKey;

public final class SubscriptionRequests {

    private SubscriptionRequests() {}

    public record Subscribe(
            @NotNull @ValidProviderKey String providerKey,

            @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}")
            String serviceKey) {}
}
