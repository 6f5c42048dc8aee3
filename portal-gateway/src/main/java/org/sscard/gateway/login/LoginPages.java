package org.sscard.gateway.login;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Open pages: the card-login page (one button; the login itself happens at auth-service) and the goodbye page
 * after logout, which tells the person to take their card (and ends any gateway session left).
 */
@Controller
class LoginPages {

    @GetMapping("/login")
    String login(ServerWebExchange exchange, Model model) {
        // Spring Security sends a failed login back here with ?error
        model.addAttribute("failed", exchange.getRequest().getQueryParams().containsKey("error"));
        return "login";
    }

    /**
     * The goodbye page ends whatever gateway session the browser still has: the portal's own logout has ended it
     * already, but a logout started elsewhere (the hospital's logout button, SAML single logout at auth-service)
     * ends here too, and the next person at the kiosk must not find the previous one's My Portal.
     */
    @GetMapping("/logged-out")
    Mono<String> loggedOut(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate).thenReturn("logged-out");
    }
}
