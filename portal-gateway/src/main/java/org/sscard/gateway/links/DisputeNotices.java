package org.sscard.gateway.links;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The one notice waiting for the next "linked services" page, in the resident's session; shown once. */
@Component
class DisputeNotices {

    private static final String ATTRIBUTE = DisputeNotices.class.getName();

    Mono<Void> put(ServerWebExchange exchange, DisputeNotice notice) {
        return exchange.getSession()
                .doOnNext(session -> session.getAttributes().put(ATTRIBUTE, notice))
                .then();
    }

    Mono<Optional<DisputeNotice>> take(ServerWebExchange exchange) {
        return exchange.getSession()
                .map(session -> Optional.ofNullable(session.getAttributes().remove(ATTRIBUTE))
                        .filter(DisputeNotice.class::isInstance)
                        .map(DisputeNotice.class::cast));
    }
}
