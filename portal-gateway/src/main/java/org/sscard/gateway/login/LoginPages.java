package org.sscard.gateway.login;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Open pages: the card-login page (one button; the login itself happens at auth-service) and the goodbye page
 * after logout, which tells the person to take their card.
 */
@Controller
class LoginPages {

    @GetMapping("/login")
    String login(ServerWebExchange exchange, Model model) {
        // Spring Security sends a failed login back here with ?error
        model.addAttribute("failed", exchange.getRequest().getQueryParams().containsKey("error"));
        return "login";
    }

    @GetMapping("/logged-out")
    String loggedOut() {
        return "logged-out";
    }
}
