package org.sscard.console.backend;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.sscard.console.config.ConsoleProperties;

/**
 * relay-db-service, with an operator token for {@code relay-db-service}: persons, their cards and service choices,
 * subscriptions, and an insurer's members. Look-ups by provisional SSN are POSTs: the number never goes into a URL.
 */
@Component
public class RelayClient {

    private final BackendHttp http;
    private final String relay;

    RelayClient(BackendHttp http, ConsoleProperties console) {
        this.http = http;
        this.relay = console.relayBase();
    }

    public Person findBySsn(Acting acting, String provisionalSsn, LocalDate dateOfBirth) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provisionalSsn", provisionalSsn);
        body.put("dateOfBirth", dateOfBirth);
        return http.json(
                acting, Audiences.RELAY, "POST", uri("/api/v1/persons/lookup/by-provisional-ssn"), body, Person.class);
    }

    public Person register(Acting acting, NewResident resident) {
        return http.json(acting, Audiences.RELAY, "POST", uri("/api/v1/persons"), resident, Person.class);
    }

    public Person person(Acting acting, UUID personId) {
        return http.json(acting, Audiences.RELAY, "GET", uri("/api/v1/persons/" + personId), null, Person.class);
    }

    public List<Card> cards(Acting acting, UUID personId) {
        Card[] cards = http.json(
                acting, Audiences.RELAY, "GET", uri("/api/v1/persons/" + personId + "/cards"), null, Card[].class);
        return cards == null ? List.of() : Arrays.asList(cards);
    }

    public List<ServiceChoice> serviceChoices(Acting acting, UUID personId) {
        ServiceChoice[] choices = http.json(
                acting,
                Audiences.RELAY,
                "GET",
                uri("/api/v1/persons/" + personId + "/service-choices"),
                null,
                ServiceChoice[].class);
        return choices == null ? List.of() : Arrays.asList(choices);
    }

    public Subscription subscribe(Acting acting, UUID personId, String providerKey, String serviceKey) {
        return http.json(
                acting,
                Audiences.RELAY,
                "POST",
                uri("/api/v1/persons/" + personId + "/subscriptions"),
                Map.of("providerKey", providerKey, "serviceKey", serviceKey),
                Subscription.class);
    }

    public Subscription withdraw(Acting acting, UUID personId, UUID subscriptionId) {
        return http.json(
                acting,
                Audiences.RELAY,
                "POST",
                uri("/api/v1/persons/" + personId + "/subscriptions/" + subscriptionId + "/withdraw"),
                null,
                Subscription.class);
    }

    public MemberPage members(Acting acting, String provider, int page, int size) {
        ownInsurer(acting, provider);
        URI members =
                URI.create(UriComponentsBuilder.fromUriString(relay + "/api/v1/providers/" + provider + "/members")
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build()
                        .toUriString());
        return http.json(acting, Audiences.RELAY, "GET", members, null, MemberPage.class);
    }

    public Member enrol(Acting acting, String provider, Enrolment enrolment) {
        ownInsurer(acting, provider);
        return http.json(
                acting,
                Audiences.RELAY,
                "POST",
                uri("/api/v1/providers/" + provider + "/members"),
                enrolment,
                Member.class);
    }

    public Member endMembership(Acting acting, String provider, UUID mappingId, LocalDate validTo, String reason) {
        ownInsurer(acting, provider);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("validTo", validTo);
        body.put("reason", reason);
        return http.json(
                acting,
                Audiences.RELAY,
                "POST",
                uri("/api/v1/providers/" + provider + "/members/" + mappingId + "/end"),
                body,
                Member.class);
    }

    /** The pages check it already; asked again where the path is made, so no other insurer is ever asked for. */
    static void ownInsurer(Acting acting, String provider) {
        if (!acting.staff().administers(provider)) {
            throw new AccessDeniedException("not this operator's insurer");
        }
    }

    private URI uri(String path) {
        return URI.create(relay + path);
    }
}
