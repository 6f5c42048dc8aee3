package org.sscard.adapters.provider;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The configured providers by key; two providers sharing a key or a schema is a start-up error. */
@Component
public class Providers {

    private final Map<String, Provider> byKey = new LinkedHashMap<>();

    public Providers(AdaptersProperties properties) {
        Set<String> schemas = new HashSet<>();
        for (Provider provider : properties.providers()) {
            if (byKey.putIfAbsent(provider.key(), provider) != null) {
                throw new IllegalStateException("provider " + provider.key() + " is configured twice");
            }
            if (!schemas.add(provider.schema())) {
                throw new IllegalStateException("schema " + provider.schema() + " is given to two providers");
            }
            if (provider.isInsurer() && provider.insurerNumber() == null) {
                throw new IllegalStateException("insurer " + provider.key() + " needs its insurer-number");
            }
        }
    }

    public Optional<Provider> find(String key) {
        return Optional.ofNullable(key).map(byKey::get);
    }

    public List<Provider> all() {
        return List.copyOf(byKey.values());
    }
}
