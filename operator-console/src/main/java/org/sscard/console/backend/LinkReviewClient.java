package org.sscard.console.backend;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.sscard.console.config.ConsoleProperties;

/**
 * An insurer's link-review queue and linkage log at the relay ({@code /api/v1/providers/<key>/link-reviews},
 * {@code …/linkage-log}), with an operator token for {@code relay-db-service}; the relay checks the token's
 * organisation against the key, and so does this client before it asks.
 */
@Component
public class LinkReviewClient {

    /** The queue's two views. */
    public static final Set<String> STATUSES = Set.of("OPEN", "DECIDED");

    /** Every decision the relay knows (which of them a review takes depends on its kind). */
    public static final Set<String> DECISIONS = Set.of("LINK", "REJECT", "CONFIRM_NOT_THEIRS", "REINSTATE");

    private final BackendHttp http;
    private final String relay;

    LinkReviewClient(BackendHttp http, ConsoleProperties console) {
        this.http = http;
        this.relay = console.relayBase();
    }

    public LinkReview.Page list(Acting acting, String provider, String status, int page, int size) {
        RelayClient.ownInsurer(acting, provider);
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("no such status: " + status);
        }
        URI uri = UriComponentsBuilder.fromUriString(relay)
                .path("/api/v1/providers/{provider}/link-reviews")
                .queryParam("status", status)
                .queryParam("page", page)
                .queryParam("size", size)
                .encode()
                .buildAndExpand(provider)
                .toUri();
        return http.json(acting, Audiences.RELAY, "GET", uri, null, LinkReview.Page.class);
    }

    /** One review with both records; the relay logs the reading on the person concerned. */
    public LinkReview detail(Acting acting, String provider, UUID id) {
        RelayClient.ownInsurer(acting, provider);
        return http.json(acting, Audiences.RELAY, "GET", review(provider, id, ""), null, LinkReview.class);
    }

    /** Decides an open review; 409 {@code REVIEW_DECIDED} when it is not open, 400 for a decision not of its kind. */
    public LinkReview decide(Acting acting, String provider, UUID id, String decision, String reason) {
        RelayClient.ownInsurer(acting, provider);
        if (!DECISIONS.contains(decision)) {
            throw new IllegalArgumentException("no such decision: " + decision);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("reason", reason);
        return http.json(acting, Audiences.RELAY, "POST", review(provider, id, "/decision"), body, LinkReview.class);
    }

    /** What the relay received from and sent to this insurer, newest first. */
    public LinkageLog log(Acting acting, String provider, int page) {
        RelayClient.ownInsurer(acting, provider);
        URI uri = UriComponentsBuilder.fromUriString(relay)
                .path("/api/v1/providers/{provider}/linkage-log")
                .queryParam("page", page)
                .encode()
                .buildAndExpand(provider)
                .toUri();
        return http.json(acting, Audiences.RELAY, "GET", uri, null, LinkageLog.class);
    }

    private URI review(String provider, UUID id, String tail) {
        return UriComponentsBuilder.fromUriString(relay)
                .path("/api/v1/providers/{provider}/link-reviews/{id}" + tail)
                .encode()
                .buildAndExpand(provider, id)
                .toUri();
    }
}
