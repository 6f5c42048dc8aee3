package org.sscard.auth.login;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The card-login connector: its port, the URL browsers are sent to, the SSL bundle holding the server's key and
 * certificate, and the per-client-address rate limit (a token bucket: {@code capacity} attempts at once, refilled by
 * {@code refillPerMinute}).
 */
@ConfigurationProperties("sscard.auth.card-login")
public record CardLoginProperties(int port, URI publicUrl, String sslBundle, RateLimit rateLimit) {

    public record RateLimit(int capacity, int refillPerMinute) {
    }
}
