package org.sscard.hospital.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sscard.testsupport.TestTokenIssuer;

/** The SP's metadata reaches the relay: with a relay token, to its own provider, retried until the relay answers. */
class SpMetadataRegistrationTest {

    private static final TestTokenIssuer TOKENS = TestTokenIssuer.get();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailableFor = new AtomicInteger(2);
    private HttpServer relay;

    @AfterEach
    void stop() {
        relay.stop(0);
    }

    @Test
    void registersItsMetadataRetryingUntilTheRelayAnswers() throws Exception {
        URI relayUrl = startRelay();
        SpMetadataRegistration registration = new SpMetadataRegistration(
                relayUrl,
                "kameda-hospital",
                "<md:EntityDescriptor/>",
                TOKENS.tokensFor("hospital-portal"),
                HttpClient.newHttpClient(),
                Duration.ofMillis(10),
                Duration.ofMillis(40));

        registration.run();

        assertThat(registration.registered()).isTrue();
        assertThat(bodies).hasSize(3).allMatch("<md:EntityDescriptor/>"::equals);
        assertThat(authorizations).allMatch(value -> value.startsWith("Bearer "));
    }

    @Test
    void aSingleAttemptAgainstADeadRelayFailsQuietly() throws Exception {
        URI relayUrl = startRelay();
        relay.stop(0);
        SpMetadataRegistration registration = new SpMetadataRegistration(
                relayUrl,
                "kameda-hospital",
                "<x/>",
                TOKENS.tokensFor("hospital-portal"),
                HttpClient.newHttpClient(),
                Duration.ofMillis(10),
                Duration.ofMillis(10));

        assertThat(registration.attempt()).isFalse();
        assertThat(registration.registered()).isFalse();
    }

    private URI startRelay() throws Exception {
        relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        relay.createContext("/api/v1/providers/kameda-hospital/saml-sp-metadata", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean up = unavailableFor.getAndDecrement() <= 0 && "PUT".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(up ? 200 : 503, -1);
            exchange.close();
        });
        relay.start();
        return URI.create("http://127.0.0.1:" + relay.getAddress().getPort());
    }
}
