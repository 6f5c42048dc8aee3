package org.sscard.adapters.linkage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sscard.adapters.linkage}: whether each insurer's events are pushed to the relay and its feed pulled
 * ({@code enabled}, default true), where the relay is ({@code relay-url}, {@code SSCARD_RELAY_URL}), how often an idle
 * poller reads again ({@code interval}, 500 ms), how many events go in one push or one read ({@code batch}, 100;
 * the relay takes at most 500) and the longest wait between failed tries ({@code max-backoff}, 30 s).
 */
@ConfigurationProperties("sscard.adapters.linkage")
@Validated
public record LinkageProperties(
        Boolean enabled,
        URI relayUrl,
        Duration interval,
        @Min(1) @Max(500) Integer batch,
        Duration maxBackoff) {

    public LinkageProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofMillis(500) : interval;
        batch = batch == null ? 100 : batch;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
    }
}
