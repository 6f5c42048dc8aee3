package org.sscard.gateway.consent;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sscard.gateway.relay.RelayClient;
import org.sscard.gateway.web.GatewayException;
import reactor.core.publisher.Mono;

/**
 * The resident's choices for My Portal from the relay ({@code service-choices}). If the relay cannot give them the
 * page still shows the joined tiles and says the lists cannot be shown now: joining can wait, using cannot.
 */
@Component
public class ServiceChoices {

    private static final Logger log = LoggerFactory.getLogger(ServiceChoices.class);

    private final RelayClient relay;

    ServiceChoices(RelayClient relay) {
        this.relay = relay;
    }

    public Mono<PortalChoices> forPortal(UUID person) {
        return relay.serviceChoices(person).map(PortalChoices::of).onErrorResume(GatewayException.class, e -> {
            log.warn("My Portal without the service choices: {}", e.getMessage());
            return Mono.just(PortalChoices.UNAVAILABLE);
        });
    }
}
