package org.sscard.desk.login;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The staff entrance and the two pages that say no: {@code /refused} after a login that is no reception role's
 * (a resident's card, another role, another kind of organisation), {@code /forbidden} for a page this login may
 * not see (the flags, for a clerk).
 */
@Controller
class EntranceController {

    @GetMapping("/")
    @PreAuthorize("permitAll()")
    String entrance(
            @RequestParam(name = "failed", required = false) String failed,
            Authentication authentication,
            Model model) {
        Clerk clerk = CurrentClerk.of(authentication);
        model.addAttribute("clerk", clerk);
        model.addAttribute(
                "loggedIn",
                authentication != null
                        && authentication.isAuthenticated()
                        && clerk == null
                        && !"anonymousUser".equals(authentication.getPrincipal()));
        model.addAttribute("failed", failed != null);
        return "entrance";
    }

    @GetMapping("/refused")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(Authentication authentication, Model model) {
        model.addAttribute("clerk", CurrentClerk.of(authentication));
        return "refused";
    }

    @RequestMapping("/forbidden")
    @PreAuthorize("permitAll()")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Authentication authentication, Model model) {
        model.addAttribute("clerk", CurrentClerk.of(authentication));
        return "forbidden";
    }
}
