package org.sscard.adapters.linkage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * {@code linkage} in {@code /actuator/health}: DOWN once a pusher or a consumer has failed
 * {@value #FAILURES_FOR_DOWN} passes in a row (the relay unreachable or refusing, a malformed event), with the
 * poller and what it last failed with; UP again after its next good pass. Not part of readiness: the service keeps
 * serving its residents, and the events wait in the outbox (or at the relay) until delivery works again.
 */
@Component("linkageHealthIndicator")
@ConditionalOnWebApplication
class LinkageHealth implements HealthIndicator {

    static final int FAILURES_FOR_DOWN = 10;

    private final Linkage linkage;

    LinkageHealth(Linkage linkage) {
        this.linkage = linkage;
    }

    @Override
    public Health health() {
        if (!linkage.enabled()) {
            return Health.up().withDetail("enabled", false).build();
        }
        Map<String, String> failing = new LinkedHashMap<>();
        for (Linkage.Running each : linkage.pollers()) {
            long failures = each.poller().consecutiveFailures();
            if (failures >= FAILURES_FOR_DOWN) {
                failing.put(
                        each.name(),
                        failures + " failures in a row: " + each.failure().message());
            }
        }
        return failing.isEmpty()
                ? Health.up().build()
                : Health.down().withDetails(failing).build();
    }
}
