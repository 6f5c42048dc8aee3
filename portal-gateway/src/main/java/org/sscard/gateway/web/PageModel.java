package org.sscard.gateway.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.config.PortalProperties;
import reactor.core.publisher.Mono;

/**
 * What every page needs: the CSRF token for its forms, the language, the support line, and the idle timeout the
 * warning dialog counts down from — the server's own session timeout, so the two cannot disagree.
 */
@ControllerAdvice
class PageModel {

    private final PortalProperties portal;
    private final Duration idle;

    PageModel(PortalProperties portal, @Value("${server.reactive.session.timeout:15m}") Duration idle) {
        this.portal = portal;
        this.idle = idle;
    }

    @ModelAttribute
    Mono<Void> common(ServerWebExchange exchange, Model model) {
        model.addAttribute("support", portal.support());
        model.addAttribute(
                "lang",
                exchange.getLocaleContext().getLocale() == null
                        ? "ja"
                        : exchange.getLocaleContext().getLocale().getLanguage());
        model.addAttribute("idleSeconds", idle.toSeconds());
        model.addAttribute("warnSeconds", Math.min(portal.idleWarning().toSeconds(), idle.toSeconds() / 2));
        model.addAttribute(
                "path", exchange.getRequest().getPath().pathWithinApplication().value());
        Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
        return csrf == null
                ? Mono.empty()
                : csrf.doOnNext(token -> model.addAttribute("_csrf", token)).then();
    }
}
