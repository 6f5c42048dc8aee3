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
    private final List<String> operatorClients;

    public Providers(AdaptersProperties properties) {
        this.operatorClients = properties.operatorClients();
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

    /** The operator clients whose operator tokens may act at this provider: its own list, else the global one. */
    public Set<String> operatorClients(Provider provider) {
        return Set.copyOf(provider.operatorClients().isEmpty() ? operatorClients : provider.operatorClients());
    }

    public List<Provider> all() {
        return List.copyOf(byKey.values());
    }
}
