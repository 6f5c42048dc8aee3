package org.sscard.desk.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.sscard.desk.config.DeskProperties;
import org.sscard.desk.login.Clerk;
import org.sscard.desk.login.CurrentClerk;

/**
 * What every page needs: the language, the path (for the language switch), the support line, whether someone is
 * logged in (the header's logout button) and the clerk (their name, the admin's link to the flags).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PageModel {

    private final DeskProperties desk;

    PageModel(DeskProperties desk) {
        this.desk = desk;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean loggedIn = authentication != null
                && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getPrincipal());
        Clerk clerk = CurrentClerk.of(authentication);
        model.addAttribute("lang", LocaleConfig.language(request));
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("support", desk.support());
        model.addAttribute("signedIn", loggedIn);
        model.addAttribute("me", clerk);
    }
}
