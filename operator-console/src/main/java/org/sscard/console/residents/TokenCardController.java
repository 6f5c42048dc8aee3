package org.sscard.console.residents;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sscard.console.audit.Action;
import org.sscard.console.audit.AdminActions;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.EnrolmentCode;
import org.sscard.console.backend.IssuerClient;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;

/**
 * Starting a token card (PKCS#11): the card issuer makes a one-time enrolment code bound to the resident and the
 * operator, which the console shows once (a flash attribute: the page after the redirect has it, a reload not),
 * grouped by five, with the command to run at the counter. The code itself is never recorded here, only its expiry.
 */
@Controller
class TokenCardController {

    /** The counter's command; it reads the code from standard input, never from its arguments. */
    static final String COMMAND = "bin/sscard-issuer issue-token-card --enrolment-code";

    private final IssuerClient issuer;
    private final AdminActions actions;

    TokenCardController(IssuerClient issuer, AdminActions actions) {
        this.issuer = issuer;
        this.actions = actions;
    }

    @GetMapping("/residents/{personId}/token-card")
    @PreAuthorize("hasAuthority('ENROLMENT_CODE_ISSUE')")
    String start(@PathVariable UUID personId, Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("command", COMMAND);
        return "residents/token-card";
    }

    @PostMapping("/residents/{personId}/token-card")
    @PreAuthorize("hasAuthority('ENROLMENT_CODE_ISSUE')")
    String issue(
            @PathVariable UUID personId,
            @RequestParam(name = "reason", required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = new FormErrors();
        String why = Inputs.reason(reason, false, errors);
        if (errors.any()) {
            response.setStatus(400);
            model.addAttribute("personId", personId);
            model.addAttribute("errors", errors);
            model.addAttribute("command", COMMAND);
            return "residents/token-card";
        }
        Acting acting = Acting.of(authentication, client);
        EnrolmentCode code = actions.change(
                acting.staff(),
                personId.toString(),
                Action.START_TOKEN_CARD,
                why,
                null,
                () -> issuer.enrolmentCode(acting, personId),
                issued -> {
                    Map<String, Object> after = new LinkedHashMap<>();
                    after.put("enrolmentCode", "issued");
                    after.put("expiresAt", issued.expiresAt());
                    return after;
                });
        redirect.addFlashAttribute("enrolment", code);
        return "redirect:/residents/" + personId + "/token-card/code";
    }

    @GetMapping("/residents/{personId}/token-card/code")
    @PreAuthorize("hasAuthority('ENROLMENT_CODE_ISSUE')")
    String code(@PathVariable UUID personId, Model model) {
        model.addAttribute("personId", personId);
        model.addAttribute("command", COMMAND);
        return "residents/enrolment-code";
    }
}
