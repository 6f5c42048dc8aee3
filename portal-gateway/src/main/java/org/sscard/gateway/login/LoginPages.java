package org.sscard.gateway.login;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Open pages: the card-login page (one button; the login itself happens at auth-service) and the goodbye page
 * after logout, which tells the person to take their card.
 */
@Controller
class LoginPages {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/logged-out")
    String loggedOut() {
        return "logged-out";
    }
}
