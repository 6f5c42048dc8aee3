package org.sscard.console.dependants;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.sscard.console.audit.Action;
import org.sscard.console.audit.AdminActions;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.DependantClient;
import org.sscard.console.backend.Verification;
import org.sscard.console.backend.VerificationPage;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;

/**
 * The insurer's review of the annual dependant verification (被扶養者確認), for the own insurer's administrator only
 * ({@code @scope.own}): the list (those waiting first), one verification with the resident's answers and its history,
 * accepting it (after a confirmation: it ends dependants' eligibility at the insurer) or returning it with a reason.
 * Every read and decision is in admin_action; the insurer logs its own side.
 */
@Controller
class DependantsController {

    private static final int PAGE_SIZE = 50;

    private final DependantClient dependants;
    private final AdminActions actions;

    DependantsController(DependantClient dependants, AdminActions actions) {
        this.dependants = dependants;
        this.actions = actions;
    }

    @GetMapping("/insurers/{organisation}/dependants")
    @PreAuthorize("hasAuthority('DEPENDANTS_REVIEW') and @scope.own(authentication, #organisation)")
    String list(
            @PathVariable String organisation,
            @RequestParam(name = "status", defaultValue = "SUBMITTED") String status,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            Model model) {
        Acting acting = Acting.of(authentication, client);
        // those still to review come first: the default view; "ALL" for every status
        String shown = DependantClient.STATUSES.contains(status) ? status : "ALL".equals(status) ? null : "SUBMITTED";
        int asked = Math.max(0, Math.min(page, 100_000));
        VerificationPage items = dependants.list(acting, organisation, shown, asked, PAGE_SIZE);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("status", shown == null ? "ALL" : shown);
        what.put("page", items.page());
        what.put("shown", items.items().size());
        what.put("total", items.total());
        actions.read(acting.staff(), organisation, Action.LIST_DEPENDANT_VERIFICATIONS, what);
        model.addAttribute("organisation", organisation);
        model.addAttribute("verifications", items);
        model.addAttribute("status", shown == null ? "ALL" : shown);
        model.addAttribute("statuses", List.of("SUBMITTED", "ACCEPTED", "RETURNED", "ALL"));
        return "dependants/list";
    }

    @GetMapping("/insurers/{organisation}/dependants/{id}")
    @PreAuthorize("hasAuthority('DEPENDANTS_REVIEW') and @scope.own(authentication, #organisation)")
    String detail(
            @PathVariable String organisation,
            @PathVariable UUID id,
            @RequestParam(name = "done", required = false) String done,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            Model model) {
        Verification verification = read(Acting.of(authentication, client), organisation, id);
        model.addAttribute("done", "accepted".equals(done) || "returned".equals(done) ? done : null);
        return page(model, organisation, verification, new FormErrors(), null);
    }

    @PostMapping("/insurers/{organisation}/dependants/{id}/accept")
    @PreAuthorize("hasAuthority('DEPENDANTS_REVIEW') and @scope.own(authentication, #organisation)")
    String accept(
            @PathVariable String organisation,
            @PathVariable UUID id,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "confirmed", required = false) String confirmed,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        Acting acting = Acting.of(authentication, client);
        FormErrors errors = new FormErrors();
        String why = Inputs.reason(reason, false, errors);
        Verification before = read(acting, organisation, id);
        if (errors.any()) {
            response.setStatus(400);
            model.addAttribute("acceptErrors", true);
            return page(model, organisation, before, errors, reason);
        }
        if (!"yes".equals(confirmed)) {
            // accepting ends the eligibility of the dependants answered "no longer": say so before it is done
            model.addAttribute("organisation", organisation);
            model.addAttribute("v", before);
            model.addAttribute("reason", why);
            return "dependants/accept-confirm";
        }
        actions.change(
                acting.staff(),
                organisation,
                Action.ACCEPT_DEPENDANT_VERIFICATION,
                why,
                recorded(before),
                () -> dependants.accept(acting, organisation, id, why),
                DependantsController::recorded);
        return "redirect:/insurers/" + organisation + "/dependants/" + id + "?done=accepted";
    }

    @PostMapping("/insurers/{organisation}/dependants/{id}/return")
    @PreAuthorize("hasAuthority('DEPENDANTS_REVIEW') and @scope.own(authentication, #organisation)")
    String giveBack(
            @PathVariable String organisation,
            @PathVariable UUID id,
            @RequestParam(name = "reason", required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        Acting acting = Acting.of(authentication, client);
        FormErrors errors = new FormErrors();
        String why = Inputs.reason(reason, true, errors);
        Verification before = read(acting, organisation, id);
        if (errors.any()) {
            response.setStatus(400);
            return page(model, organisation, before, errors, reason);
        }
        actions.change(
                acting.staff(),
                organisation,
                Action.RETURN_DEPENDANT_VERIFICATION,
                why,
                recorded(before),
                () -> dependants.giveBack(acting, organisation, id, why),
                DependantsController::recorded);
        return "redirect:/insurers/" + organisation + "/dependants/" + id + "?done=returned";
    }

    /** The verification as the insurer holds it now, its reading recorded before it is shown or decided on. */
    private Verification read(Acting acting, String organisation, UUID id) {
        Verification verification = dependants.detail(acting, organisation, id);
        actions.read(acting.staff(), organisation, Action.READ_DEPENDANT_VERIFICATION, recorded(verification));
        return verification;
    }

    private static String page(
            Model model, String organisation, Verification verification, FormErrors errors, String reason) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("v", verification);
        model.addAttribute("errors", errors);
        model.addAttribute("reason", reason);
        return "dependants/detail";
    }

    /**
     * What admin_action keeps of a verification: its ID, year and status, the decision, and each answer by the
     * dependant's branch (no name, no note: those stay at the insurer).
     */
    static Map<String, Object> recorded(Verification v) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("verificationId", v.id());
        kept.put("fiscalYear", v.fiscalYear());
        kept.put("status", v.status());
        if (v.decidedAt() != null) {
            kept.put("decidedAt", v.decidedAt());
            kept.put("decidedBy", v.decidedBy());
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Verification.Answer answer : v.answers()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(
                    "branch",
                    answer.dependant() == null ? null : answer.dependant().branch());
            one.put("answer", answer.answer());
            if (answer.dependant() != null && answer.dependant().lostOn() != null) {
                one.put("lostOn", answer.dependant().lostOn());
            }
            answers.add(one);
        }
        kept.put("answers", answers);
        return kept;
    }
}
