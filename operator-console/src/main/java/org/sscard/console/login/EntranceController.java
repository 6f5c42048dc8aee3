package org.sscard.console.login;

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
 * The staff entrance, the way home, and the two pages that say no: {@code /refused} after a login that is no
 * operator's (a clerk, a hospital administrator, a resident's card), {@code /forbidden} for a page this login may not
 * see (which, for a login that is no operator's, says the same as {@code /refused}).
 */
@Controller
class EntranceController {

    @GetMapping("/")
    @PreAuthorize("permitAll()")
    String entrance(
            @RequestParam(name = "failed", required = false) String failed,
            Authentication authentication,
            Model model) {
        model.addAttribute("operator", operator(authentication));
        model.addAttribute("failed", failed != null);
        return "entrance";
    }

    /** Each role's first page: the city office's resident search, an insurer's member list. */
    @GetMapping("/home")
    @PreAuthorize("hasAnyAuthority('RESIDENT_READ', 'MEMBER_READ')")
    String home(Authentication authentication) {
        return "redirect:" + CurrentStaff.of(authentication).home();
    }

    @GetMapping("/refused")
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused() {
        return "refused";
    }

    @RequestMapping("/forbidden")
    @PreAuthorize("permitAll()")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Authentication authentication) {
        boolean loggedIn = authentication != null
                && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getPrincipal());
        return loggedIn && operator(authentication) == null ? "refused" : "forbidden";
    }

    private static Staff operator(Authentication authentication) {
        return CurrentStaff.hasAnyPermission(authentication) ? CurrentStaff.of(authentication) : null;
    }
}
