package org.sscard.gateway.relay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** The parts of the relay's answers the portal uses; anything else the relay adds is ignored. */
public final class RelayRecords {

    private RelayRecords() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(UUID id, String nameKana, String nameKanji, String provisionalSsn, String status) {}

    /** One open subscription, as the relay's portal menu lists it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MenuEntry(
            String providerKey,
            String providerType,
            String providerNameJa,
            String providerNameEn,
            String ssoMethod,
            String baseUrl,
            String serviceKey,
            String serviceNameJa,
            String serviceNameEn,
            String path,
            boolean mapped) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provider(String key, String type, String nameJa, String nameEn, String ssoMethod, String baseUrl) {

        public boolean proxied() {
            return "PROXY".equals(ssoMethod);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccessEntry(
            Instant at, String caller, String actingFor, String action, String purpose, String providerKey) {}
}
