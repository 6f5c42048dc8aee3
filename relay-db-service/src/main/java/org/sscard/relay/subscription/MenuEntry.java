package org.sscard.relay.subscription;

import java.time.Instant;
import java.util.UUID;
import org.sscard.relay.provider.ProviderType;
import org.sscard.relay.provider.SsoMethod;

/** One tile of My Portal: a service the resident subscribes to, and whether the provider knows them today. */
public record MenuEntry(
        String providerKey,
        ProviderType providerType,
        String providerNameJa,
        String providerNameEn,
        SsoMethod ssoMethod,
        String baseUrl,
        String serviceKey,
        String serviceNameJa,
        String serviceNameEn,
        String path,
        UUID subscriptionId,
        Instant subscribedAt,
        boolean mapped) {}
