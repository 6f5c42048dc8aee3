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
import org.sscard.console.config.ConsoleProperties;

/**
 * relay-db-service, with an operator token for {@code relay-db-service}: persons, their cards and service choices,
 * and subscriptions. Look-ups by provisional SSN are POSTs: the number never goes into a URL.
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
