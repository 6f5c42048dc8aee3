package org.sscard.common.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * A service's settings for its chain: {@code sscard.data-dir} (where its audit key lives, {@code audit/<service>/}),
 * {@code sscard.audit.link-interval} (how often committed audit rows are linked, default 1 s) and
 * {@code sscard.audit.checkpoint-interval} (how often the head is signed when it has moved, default 1 min).
 */
record AuditChainSettings(Path dataDir, Duration linkInterval, Duration checkpointInterval) {

    static final Duration DEFAULT_LINK_INTERVAL = Duration.ofSeconds(1);
    static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMinutes(1);

    AuditChainSettings {
        if (linkInterval.isNegative()
                || linkInterval.isZero()
                || checkpointInterval.isNegative()
                || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("sscard.audit intervals must be positive");
        }
    }

    static AuditChainSettings from(Environment environment) {
        Binder binder = Binder.get(environment);
        return new AuditChainSettings(
                binder.bind("sscard.data-dir", Path.class)
                        .orElseThrow(() -> new IllegalStateException("sscard.data-dir is not set")),
                binder.bind("sscard.audit.link-interval", Duration.class).orElse(DEFAULT_LINK_INTERVAL),
                binder.bind("sscard.audit.checkpoint-interval", Duration.class).orElse(DEFAULT_CHECKPOINT_INTERVAL));
    }
}
