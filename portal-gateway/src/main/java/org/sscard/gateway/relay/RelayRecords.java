package org.sscard.gateway.relay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    /**
     * One link the relay holds between the resident and a provider's record ({@code GET persons/{id}/links}): a
     * mapping with its period, how it came to be ({@code linkedBy}: MANUAL, AUTOMATIC, REVIEWED) and, when the
     * resident said "this is not me", the check's state. No local IDs: the providers' own pages show those.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(
            UUID mappingId,
            String providerKey,
            String nameJa,
            String nameEn,
            String providerType,
            LocalDate validFrom,
            LocalDate validTo,
            String status,
            String linkedBy,
            Dispute dispute) {

        public static final String ACTIVE = "ACTIVE";
        public static final String ENDED = "ENDED";
        public static final String SUSPENDED = "SUSPENDED";
        public static final String REMOVED = "REMOVED";

        public boolean is(String wanted) {
            return wanted.equals(status);
        }

        public boolean insurer() {
            return "INSURER".equals(providerType);
        }
    }

    /** The resident's "this is not me" and its outcome: OPEN, CONFIRMED_NOT_THEIRS or REINSTATED. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dispute(String status, Instant openedAt, Instant decidedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Links(List<Link> links) {}
}
