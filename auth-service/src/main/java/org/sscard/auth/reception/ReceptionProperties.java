package org.sscard.auth.reception;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reception-check grant: the clients whose clerks' access tokens count as actor tokens (the desk itself and the
 * reception CLI), and the minted token's lifetime, at most two minutes (the desk calls the insurer at once).
 */
@ConfigurationProperties("sscard.auth.reception")
public record ReceptionProperties(
        @DefaultValue({"reception-desk", "sscard-reception"})
        Set<String> actorClients,

        @DefaultValue("120s") Duration tokenLifetime) {

    static final Duration LONGEST = Duration.ofSeconds(120);

    public ReceptionProperties {
        actorClients = Set.copyOf(actorClients);
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(
                    "sscard.auth.reception.token-lifetime must be more than 0 and at most " + LONGEST);
        }
    }
}
