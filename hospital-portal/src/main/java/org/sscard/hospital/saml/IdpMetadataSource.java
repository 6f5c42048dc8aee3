package org.sscard.hospital.saml;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform IdP's metadata, fetched over TLS trusting only the platform root (or read from a file), kept and
 * re-read after {@code refresh}. Fails closed: until metadata has been read once, there is no IdP, so no login.
 * A failed refresh keeps the last good copy (the keys it pins were trusted a moment ago); a failed first read is
 * retried at most every {@link #RETRY}, so a dead IdP is not hammered by every page view.
 */
class IdpMetadataSource {

    private static final Logger log = LoggerFactory.getLogger(IdpMetadataSource.class);
    static final Duration RETRY = Duration.ofSeconds(5);

    private final String location;
    private final Supplier<SSLContext> trust;
    private final Duration refresh;
    private final Clock clock;
    private IdpDescriptor current;
    private Instant readAt = Instant.MIN;
    private Instant lastAttempt = Instant.MIN;

    IdpMetadataSource(String location, Supplier<SSLContext> trust, Duration refresh, Clock clock) {
        this.location = location;
        this.trust = trust;
        this.refresh = refresh;
        this.clock = clock;
    }

    synchronized Optional<IdpDescriptor> current() {
        Instant now = clock.instant();
        boolean stale = current == null || now.isAfter(readAt.plus(refresh));
        if (stale && now.isAfter(lastAttempt.plus(RETRY))) {
            lastAttempt = now;
            try {
                current = IdpMetadataParser.parse(read());
                readAt = now;
                log.info("IdP metadata read from {}: entity {}", location, current.entityId());
            } catch (IOException | RuntimeException e) {
                log.warn(
                        "IdP metadata cannot be read from {}: {}{}",
                        location,
                        e.getMessage(),
                        current == null ? " (no SAML login until it can)" : " (keeping the last good copy)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Optional.ofNullable(current);
    }

    private byte[] read() throws IOException, InterruptedException {
        URI uri = URI.create(location);
        if ("file".equals(uri.getScheme())) {
            return Files.readAllBytes(Path.of(uri));
        }
        // plain HTTP would let anyone on the path swap the keys this SP trusts
        if (!"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("sscard.hospital.saml.idp-metadata: https: or file: expected");
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .sslContext(trust.get())
                .build();
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return response.body();
    }
}
