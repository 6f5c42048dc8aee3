package org.sscard.gateway.consent;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The one notice waiting for the next My Portal page, in the resident's session; shown once. */
@Component
public class ChoiceNotices {

    private static final String ATTRIBUTE = ChoiceNotices.class.getName();

    Mono<Void> put(ServerWebExchange exchange, ChoiceNotice notice) {
        return exchange.getSession()
                .doOnNext(session -> session.getAttributes().put(ATTRIBUTE, notice))
                .then();
    }

    /** The waiting notice, removed from the session. */
    public Mono<Optional<ChoiceNotice>> take(ServerWebExchange exchange) {
        return exchange.getSession()
                .map(session -> Optional.ofNullable(session.getAttributes().remove(ATTRIBUTE))
                        .filter(ChoiceNotice.class::isInstance)
                        .map(ChoiceNotice.class::cast));
    }
}
