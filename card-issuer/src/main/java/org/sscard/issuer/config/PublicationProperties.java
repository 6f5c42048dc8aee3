package org.sscard.issuer.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The plain-HTTP port on which the CA publishes its certificates, CRLs and OCSP answers (RFC 5280 and 6960
 * distribution points: their URLs are inside every certificate issued, so they stay where they are). Nothing else
 * is served there; the issuing API, health and the API description are on {@code server.port}, over TLS only.
 */
@ConfigurationProperties("sscard.issuer.publication")
@Validated
public record PublicationProperties(
        @DefaultValue("8083") @Min(1) @Max(65535) int port) {}
