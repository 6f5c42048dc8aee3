package org.sscard.console.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.sscard.common.tls.PlatformTrust;

/**
 * The console's settings ({@code sscard.console}).
 *
 * @param publicUrl   the console's own origin: the login's redirect base, the logout's return
 * @param authUrl     auth-service as the browser reaches it (authorize, end session)
 * @param relayUrl    relay-db-service (persons, cards, subscriptions, an insurer's link reviews and linkage log)
 * @param issuerUrl   card-issuer (soft cards, suspend, resume, revoke, reissue, enrolment codes)
 * @param adaptersUrl insurer-adapters: an insurer's members, joiners, losses, notices and imports under
 *                    {@code <adaptersUrl>/<key>/api/v1/}
 * @param dataDir     the platform's data directory: the CA root and this client's certificate
 */
@Validated
@ConfigurationProperties("sscard.console")
public record ConsoleProperties(
        @NotNull URI publicUrl,
        @NotNull URI authUrl,
        @NotNull URI relayUrl,
        @NotNull URI issuerUrl,
        @NotNull URI adaptersUrl,
        @NotNull Path dataDir,
        @Valid @NotNull @DefaultValue Calls calls,
        @Valid @NotNull @DefaultValue Imports imports,
        @DefaultValue("50") @Min(1) @Max(100) int membersPageSize,
        @Valid @NotNull @DefaultValue Support support) {

    /**
     * @param grantTimeout   how long the operator-action grant may take
     * @param backendTimeout how long the relay or the card issuer may take to answer one call
     * @param importTimeout  how long insurer-adapters may take to import one file
     */
    public record Calls(
            @DefaultValue("5s") @NotNull Duration grantTimeout,
            @DefaultValue("15s") @NotNull Duration backendTimeout,
            @DefaultValue("5m") @NotNull Duration importTimeout) {}

    /**
     * @param kinds   the files an insurer takes in (insurer-adapters' ImportSpecs for an INSURER provider)
     * @param maxSize the largest CSV the console passes on (insurer-adapters has its own, larger limit)
     */
    public record Imports(
            @DefaultValue({"eligibility", "notices", "checkups"}) @NotEmpty
            List<@NotBlank String> kinds,

            @DefaultValue("20MB") @NotNull DataSize maxSize) {}

    /** The support line shown in the footer. */
    public record Support(
            @DefaultValue("04-0000-0000") @NotBlank String phone,
            @DefaultValue("平日 8時30分〜17時15分") @NotBlank String hoursJa,
            @DefaultValue("weekdays 8:30–17:15") @NotBlank String hoursEn) {}

    public String base() {
        return trim(publicUrl);
    }

    public String authBase() {
        return trim(authUrl);
    }

    public String relayBase() {
        return trim(relayUrl);
    }

    public String issuerBase() {
        return trim(issuerUrl);
    }

    public String adaptersBase() {
        return trim(adaptersUrl);
    }

    public Path caRoot() {
        return PlatformTrust.caRoot(dataDir.toAbsolutePath());
    }

    private static String trim(URI uri) {
        return uri.toString().replaceAll("/+$", "");
    }
}
