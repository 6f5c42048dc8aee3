package org.sscard.console.backend;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.sscard.console.config.ConsoleProperties;

/**
 * The insurer's own member register at insurer-adapters ({@code <adapters>/<key>/api/v1/members}, {@code …/linkage/
 * notices}), with an operator token whose audience is that insurer's key, the operator's own organisation, never
 * another (checked here again, not only by the page). A joiner or a leaver registered here is the change the insurer
 * publishes to the relay in the same transaction.
 */
@Component
public class InsurerMembersClient {

    private final BackendHttp http;
    private final ConsoleProperties console;

    InsurerMembersClient(BackendHttp http, ConsoleProperties console) {
        this.http = http;
        this.console = console;
    }

    /** A page of members; {@code query} (a kana or number prefix) null for all. */
    public MemberPage members(Acting acting, String provider, int page, int size, String query) {
        RelayClient.ownInsurer(acting, provider);
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(console.adaptersBase())
                .path("/{provider}/api/v1/members")
                .queryParam("page", page)
                .queryParam("size", size);
        if (query != null) {
            uri.queryParam("q", "{q}");
        }
        URI members = query == null
                ? uri.encode().buildAndExpand(provider).toUri()
                : uri.encode().buildAndExpand(provider, query).toUri();
        return http.json(acting, provider, "GET", members, null, MemberPage.class);
    }

    /** Registers a joiner: 201 the member; 409 {@code MEMBER_EXISTS} when the local ID is there already. */
    public Member registerJoiner(Acting acting, String provider, Joiner joiner) {
        RelayClient.ownInsurer(acting, provider);
        URI uri = UriComponentsBuilder.fromUriString(console.adaptersBase())
                .path("/{provider}/api/v1/members")
                .encode()
                .buildAndExpand(provider)
                .toUri();
        return http.json(acting, provider, "POST", uri, joiner, Member.class);
    }

    /**
     * Registers the loss of coverage ({@code lostOn}: the first day not covered); 404 for an unknown member, 409
     * {@code LOSS_ALREADY_REGISTERED} when that date is there already (another date corrects it).
     */
    public Member registerLoss(Acting acting, String provider, String localId, LocalDate lostOn, String reason) {
        RelayClient.ownInsurer(acting, provider);
        // the local ID's "|" (and a symbol's own characters) are encoded as one path segment
        URI uri = UriComponentsBuilder.fromUriString(console.adaptersBase())
                .path("/{provider}/api/v1/members/{localId}/loss")
                .encode()
                .buildAndExpand(provider, localId)
                .toUri();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lostOn", lostOn);
        body.put("reason", reason);
        return http.json(acting, provider, "POST", uri, body, Member.class);
    }

    /** The previous-coverage notices the insurer received through the relay, newest first. */
    public CoverageNotice.Page notices(Acting acting, String provider, int page) {
        RelayClient.ownInsurer(acting, provider);
        URI uri = UriComponentsBuilder.fromUriString(console.adaptersBase())
                .path("/{provider}/api/v1/linkage/notices")
                .queryParam("page", page)
                .encode()
                .buildAndExpand(provider)
                .toUri();
        return http.json(acting, provider, "GET", uri, null, CoverageNotice.Page.class);
    }
}
