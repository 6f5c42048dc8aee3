package org.sscard.console.backend;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.sscard.console.config.ConsoleProperties;

/**
 * The insurer's review of the annual dependant verification at insurer-adapters
 * ({@code /<key>/api/v1/dependant-verifications}), with an operator token whose audience is that insurer's key: the
 * operator's own organisation, never another (checked here again, not only by the page).
 */
@Component
public class DependantClient {

    /** The statuses the operator API filters by. */
    public static final Set<String> STATUSES = Set.of("SUBMITTED", "ACCEPTED", "RETURNED");

    private final BackendHttp http;
    private final ConsoleProperties console;

    DependantClient(BackendHttp http, ConsoleProperties console) {
        this.http = http;
        this.console = console;
    }

    /** A page of verifications; {@code status} null for every status. */
    public VerificationPage list(Acting acting, String provider, String status, int page, int size) {
        RelayClient.ownInsurer(acting, provider);
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base(provider))
                .queryParam("page", page)
                .queryParam("size", size);
        if (status != null) {
            if (!STATUSES.contains(status)) {
                throw new IllegalArgumentException("no such status: " + status);
            }
            uri.queryParam("status", status);
        }
        return http.json(acting, provider, "GET", URI.create(uri.build().toUriString()), null, VerificationPage.class);
    }

    public Verification detail(Acting acting, String provider, UUID id) {
        RelayClient.ownInsurer(acting, provider);
        return http.json(acting, provider, "GET", URI.create(base(provider) + "/" + id), null, Verification.class);
    }

    /** Accepts: the dependants answered "no longer" lose their eligibility today; reason may be null. */
    public Verification accept(Acting acting, String provider, UUID id, String reason) {
        return decide(acting, provider, id, "accept", reason);
    }

    /** Returns it to the resident, who answers again; the reason is required (the resident reads it). */
    public Verification giveBack(Acting acting, String provider, UUID id, String reason) {
        return decide(acting, provider, id, "return", reason);
    }

    private Verification decide(Acting acting, String provider, UUID id, String decision, String reason) {
        RelayClient.ownInsurer(acting, provider);
        Map<String, Object> body = new HashMap<>();
        if (reason != null) {
            body.put("reason", reason);
        }
        return http.json(
                acting,
                provider,
                "POST",
                URI.create(base(provider) + "/" + id + "/" + decision),
                body,
                Verification.class);
    }

    private String base(String provider) {
        return console.adaptersBase() + "/" + provider + "/api/v1/dependant-verifications";
    }
}
