package org.sscard.issuer.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sscard.testsupport.TestTokenIssuer;

/**
 * What the issuer sends the relay, seen on the wire (a stand-in relay on loopback records each request): its own
 * client token on every call, and for a call made for an operator, {@code Sscard-Acting-For: staff:<id>}; and how it
 * asks for the personal ID of a person it knows by opaque ID only.
 */
class RelayClientTest {

    private static final String PERSONAL_ID = "12345678901234567890123456789012345678901234";

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer relay;

    @BeforeEach
    void startRelay() throws IOException {
        relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        relay.createContext("/api/v1/persons/", exchange -> {
            seen.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + " | "
                    + exchange.getRequestHeaders().getFirst("Authorization").startsWith("Bearer ") + " | "
                    + exchange.getRequestHeaders().getFirst("Sscard-Acting-For"));
            boolean known = exchange.getRequestURI().getPath().contains("/personal-id")
                    && !exchange.getRequestURI().getPath().contains("00000000-");
            byte[] body = (known ? "{\"personalId\":\"" + PERSONAL_ID + "\"}" : "{\"code\":\"PERSON_NOT_FOUND\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        relay.start();
    }

    @AfterEach
    void stopRelay() {
        relay.stop(0);
    }

    @Test
    void namesTheOperatorItActsForBesideItsOwnToken() {
        UUID person = UUID.randomUUID();

        Optional<String> personalId = client(Optional.of("staff:4f6c3a2e-1b7d-4c1e-9a55-0d3e2f1a9b80"))
                .personalIdOf(person);

        assertThat(personalId).contains(PERSONAL_ID);
        assertThat(seen)
                .containsExactly("GET /api/v1/persons/" + person
                        + "/personal-id | true | staff:4f6c3a2e-1b7d-4c1e-9a55-0d3e2f1a9b80");
    }

    @Test
    void namesNobodyForItsOwnCallsAndAnUnknownPersonIsEmpty() {
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-000000000000");

        assertThat(client(Optional.empty()).personalIdOf(unknown)).isEmpty();
        assertThat(seen).containsExactly("GET /api/v1/persons/" + unknown + "/personal-id | true | null");
    }

    private RelayClient client(Optional<String> actingFor) {
        return new RelayClient(
                URI.create("http://127.0.0.1:" + relay.getAddress().getPort()),
                TestTokenIssuer.get().tokensFor("card-issuer"),
                new ObjectMapper(),
                () -> {
                    throw new AssertionError("plain HTTP needs no TLS trust");
                },
                () -> actingFor);
    }
}
