package org.sscard.hospital.relay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sscard.common.token.ServiceTokenException;
import org.sscard.common.token.ServiceTokens;

/**
 * Registers this SP's metadata with the relay's provider registry (where the IdP reads SPs from), as client
 * {@code hospital-portal} with a client-credentials token. Runs in the background from start until the relay has
 * taken it: the relay or auth-service may start later or be restarting; the wait between tries doubles up to
 * {@code maxDelay}. A refusal (4xx other than 401) is logged loudly and retried slowly: it needs an operator.
 */
public final class SpMetadataRegistration implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SpMetadataRegistration.class);
    static final String RELAY_AUDIENCE = "relay-db-service";

    private final URI endpoint;
    private final String metadata;
    private final ServiceTokens tokens;
    private final HttpClient http;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private volatile boolean registered;

    public SpMetadataRegistration(
            URI relay,
            String providerKey,
            String metadata,
            ServiceTokens tokens,
            HttpClient http,
            Duration firstDelay,
            Duration maxDelay) {
        this.endpoint = URI.create(
                relay.toString().replaceAll("/+$", "") + "/api/v1/providers/" + providerKey + "/saml-sp-metadata");
        this.metadata = metadata;
        this.tokens = tokens;
        this.http = http;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    public boolean registered() {
        return registered;
    }

    @Override
    public void run() {
        Duration delay = firstDelay;
        while (!registered && !Thread.currentThread().isInterrupted()) {
            registered = attempt();
            if (!registered) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            }
        }
    }

    /** One try; true once the relay has stored the metadata. */
    boolean attempt() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(endpoint)
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", tokens.authorization(RELAY_AUDIENCE))
                            .header("Content-Type", "application/samlmetadata+xml")
                            .PUT(HttpRequest.BodyPublishers.ofString(metadata))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                log.info("SP metadata registered with the relay at {}", endpoint);
                return true;
            }
            if (response.statusCode() >= 400 && response.statusCode() < 500 && response.statusCode() != 401) {
                log.error("the relay refuses this SP's metadata ({}): {}", response.statusCode(), response.body());
            } else {
                log.warn("the relay did not take the SP metadata yet ({}); retrying", response.statusCode());
            }
        } catch (IOException | ServiceTokenException e) {
            log.warn("SP metadata not registered yet ({}); retrying", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
