package org.sscard.adapters.security;

import org.springframework.stereotype.Component;
import org.sscard.adapters.error.AdaptersError;
import org.sscard.adapters.error.AdaptersException;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;
import org.sscard.adapters.provider.Providers;

/**
 * The provider a request is for, from its path, cross-checked with the caller's token (whose audience chose the
 * token check): a mismatch is impossible through the security chain and refused anyway.
 */
@Component
public class ProviderResolver {

    private final Providers providers;

    ProviderResolver(Providers providers) {
        this.providers = providers;
    }

    public Provider provider(String key, Caller caller, ProviderKind kind) {
        Provider provider = providers
                .find(key)
                .filter(p -> p.key().equals(caller.provider()))
                .orElseThrow(() -> new AdaptersException(AdaptersError.UNKNOWN_PROVIDER, "no provider " + key));
        if (kind != null && provider.kind() != kind) {
            throw new AdaptersException(AdaptersError.NOT_THIS_KIND, key + " offers no such service");
        }
        return provider;
    }
}
