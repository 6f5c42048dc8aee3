package org.sscard.auth.login;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The card-login connector: its port, the URL browsers are sent to, the SSL bundle holding the server's key and
 * certificate, the per-client-address rate limit (a token bucket: {@code capacity} attempts at once, refilled by
 * {@code refillPerMinute}), and the revocation check of the card's certificate.
 *
 * @param revocationFailOpen accept a card whose status neither OCSP nor the CRL could give; off by default (fail
 *                           closed) because a stolen, revoked card must not log in while the responder is down
 * @param revocationTimeout  per OCSP or CRL request; the person waits for it, so keep it short
 * @param crlMaxAge          how old a CRL may be, from its thisUpdate, and still be used (also for client
 *                           assertions at the token endpoint); older, the status is unknown and the login refused.
 *                           Default twice the card issuer's publication interval ({@code sscard.issuer.ca.crl-refresh},
 *                           an hour), so that a CRL the CA currently serves is never too old
 */
@ConfigurationProperties("sscard.auth.card-login")
public record CardLoginProperties(
        int port,
        URI publicUrl,
        String sslBundle,
        RateLimit rateLimit,
        boolean revocationFailOpen,
        @DefaultValue("5s") Duration revocationTimeout,
        @DefaultValue("PT2H") Duration crlMaxAge,
        @DefaultValue("https://desk.localhost:8087") URI deskUrl) {

    public record RateLimit(int capacity, int refillPerMinute) {}
}
