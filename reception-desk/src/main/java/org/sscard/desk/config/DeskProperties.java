package org.sscard.desk.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.sscard.common.tls.PlatformTrust;

/**
 * The desk's settings ({@code sscard.desk}).
 *
 * @param publicUrl   the desk's own origin: the statements' {@code iss}, the login's redirect base
 * @param authUrl     auth-service as the browser reaches it (authorize, end session)
 * @param adaptersUrl insurer-adapters; an insurer's API is {@code <adaptersUrl>/<key>/api/v1}
 * @param apiClient   the OIDC client whose access tokens the API accepts (the desk program)
 * @param dataDir     the platform's data directory: CA root, this client's certificate, the statement key
 */
@Validated
@ConfigurationProperties("sscard.desk")
public record DeskProperties(
        @NotNull URI publicUrl,
        @NotNull URI authUrl,
        @NotNull URI adaptersUrl,
        @DefaultValue("sscard-reception") @NotBlank String apiClient,
        @NotNull Path dataDir,
        @Valid @NotNull @DefaultValue Check check,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @Valid @NotNull @DefaultValue Support support) {

    /**
     * @param grantTimeout    how long the reception-check grant may take (card validation and the relay included)
     * @param insurerDeadline how long the insurer may take to answer; slower is "not completed"
     * @param maxInsurers     how many of the person's insurers are asked at most (newest first)
     */
    public record Check(
            @DefaultValue("5s") @NotNull Duration grantTimeout,
            @DefaultValue("3s") @NotNull Duration insurerDeadline,
            @DefaultValue("3") @Min(1) @Max(10) int maxInsurers) {}

    /** At most {@code maxChecks} checks per clerk in any {@code window}. */
    public record RateLimit(
            @DefaultValue("60") @Min(1) int maxChecks,
            @DefaultValue("10m") @NotNull Duration window) {}

    /** The support line shown in the footer and on error pages. */
    public record Support(
            @DefaultValue("04-0000-0000") @NotBlank String phone,
            @DefaultValue("平日 8時30分〜17時15分") @NotBlank String hoursJa,
            @DefaultValue("weekdays 8:30–17:15") @NotBlank String hoursEn) {}

    public String base() {
        return publicUrl.toString().replaceAll("/+$", "");
    }

    public String authBase() {
        return authUrl.toString().replaceAll("/+$", "");
    }

    public String adaptersBase() {
        return adaptersUrl.toString().replaceAll("/+$", "");
    }

    public Path caRoot() {
        return PlatformTrust.caRoot(dataDir.toAbsolutePath());
    }
}
