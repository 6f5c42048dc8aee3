package org.sscard.issuer.revocation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of what the CA publishes without authentication, so that nobody can exhaust it: the largest request body
 * the publication port reads (a one-certificate OCSP request with a nonce is about 100 bytes; larger ones are
 * answered 413), the most CertIDs one OCSP request may ask about (more: malformedRequest), and how many signed
 * answers to nonce-less requests the responder keeps (least recently used first out; each for at most half the
 * OCSP validity).
 */
@ConfigurationProperties("sscard.issuer.ocsp")
@Validated
public record OcspProperties(
        @DefaultValue("8KB") DataSize maxRequestSize,
        @DefaultValue("8") @Min(1) @Max(1000) int maxCertIds,
        @DefaultValue("10000") @Min(0) int cacheEntries) {

    public int maxRequestBytes() {
        return (int) Math.min(Integer.MAX_VALUE, maxRequestSize.toBytes());
    }
}
