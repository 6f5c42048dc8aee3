package org.sscard.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.config.PortalProperties;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway answers: an RFC 9457 problem detail for API and JSON requests, otherwise a page in
 * Japanese with English beside it, with help and the support line. Never a stack trace, never a provider's own
 * error body. Used by the error handler, the security chain and the reverse proxy alike.
 */
@Component
public class ErrorPages {

    private final ObjectMapper json;
    private final MessageSource messages;
    private final PortalProperties portal;
    private final ObjectProvider<ViewResolver> viewResolvers;
    private volatile ServerResponse.Context context;

    ErrorPages(
            ObjectMapper json,
            MessageSource messages,
            PortalProperties portal,
            ObjectProvider<ViewResolver> viewResolvers) {
        this.json = json;
        this.messages = messages;
        this.portal = portal;
        this.viewResolvers = viewResolvers;
    }

    /** Writes the error unless the response already went out (then only the connection can tell). */
    public Mono<Void> write(ServerWebExchange exchange, GatewayError error, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.getHeaders().clear();
        response.getCookies().clear();
        response.setStatusCode(error.status());
        response.getHeaders().setCacheControl("no-store");
        if (wantsJson(exchange.getRequest())) {
            return writeProblem(response, error, detail);
        }
        Map<String, Object> model = Map.of(
                "status",
                error.status().value(),
                "code",
                error.name(),
                "titleJa",
                text(error, Locale.JAPANESE),
                "titleEn",
                text(error, Locale.ENGLISH),
                "support",
                portal.support());
        return ServerResponse.status(error.status())
                .contentType(MediaType.TEXT_HTML)
                .render("error", model)
                .flatMap(page -> page.writeTo(exchange, context()));
    }

    private Mono<Void> writeProblem(ServerHttpResponse response, GatewayError error, String detail) {
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            byte[] body = json.writeValueAsBytes(error.problem(detail));
            return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    /** API paths and clients that ask for JSON (and not for a page) get problem details. */
    public static boolean wantsJson(ServerHttpRequest request) {
        if (request.getPath().value().contains("/api/")) {
            return true;
        }
        List<MediaType> accepted = request.getHeaders().getAccept();
        boolean json = accepted.stream()
                .anyMatch(type ->
                        type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        boolean html = accepted.stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        return json && !html;
    }

    private String text(GatewayError error, Locale locale) {
        return messages.getMessage("error." + error.name(), null, error.title(), locale);
    }

    private ServerResponse.Context context() {
        if (context == null) {
            HandlerStrategies strategies = HandlerStrategies.builder()
                    .viewResolver(viewResolvers.orderedStream().findFirst().orElseThrow())
                    .build();
            context = new ServerResponse.Context() {
                @Override
                public List<org.springframework.http.codec.HttpMessageWriter<?>> messageWriters() {
                    return strategies.messageWriters();
                }

                @Override
                public List<ViewResolver> viewResolvers() {
                    return strategies.viewResolvers();
                }
            };
        }
        return context;
    }
}
