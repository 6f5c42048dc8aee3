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
            UUID subscriptionId,
            boolean mapped) {}

    /**
     * One registered provider service as the resident may choose it ({@code GET persons/{id}/service-choices}):
     * JOINED (an open subscription, {@code subscriptionId} set), JOINABLE (the provider holds an ID for the person
     * valid today, so the person may join) or NOT_KNOWN (it holds none: the person registers at its counter first).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceChoice(
            String providerKey,
            String providerType,
            String providerNameJa,
            String providerNameEn,
            String serviceKey,
            String serviceNameJa,
            String serviceNameEn,
            String state,
            UUID subscriptionId) {

        public static final String JOINED = "JOINED";
        public static final String JOINABLE = "JOINABLE";
        public static final String NOT_KNOWN = "NOT_KNOWN";

        public boolean is(String wanted) {
            return wanted.equals(state);
        }
    }

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
