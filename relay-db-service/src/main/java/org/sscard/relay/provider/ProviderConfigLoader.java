package org.sscard.relay.provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.sscard.relay.error.RelayException;

/** Loads the providers declared in configuration at every start; loading twice changes nothing. */
@Component
@Order(0)
class ProviderConfigLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProviderConfigLoader.class);

    private final ProviderProperties properties;
    private final ProviderRegistry registry;

    ProviderConfigLoader(ProviderProperties properties, ProviderRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ProviderDefinition provider : properties.providers()) {
            try {
                registry.upsert(provider);
            } catch (RelayException e) {
                // a provider the API would refuse stops the start, named, rather than being served half-checked
                throw new IllegalStateException(
                        "sscard.relay.providers: provider '" + provider.key() + "' is refused: " + e.getMessage(), e);
            }
        }
        log.info(
                "providers from configuration loaded: {}",
                properties.providers().size());
    }
}
