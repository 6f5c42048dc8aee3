package org.sscard.console.members;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
import org.sscard.common.time.PlatformDates;
import org.sscard.console.audit.Action;
import org.sscard.console.audit.AdminActions;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.BackendException;
import org.sscard.console.backend.InsurerMembersClient;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;
import org.sscard.console.web.ProblemMessages;

/**
 * Registering a member's loss of coverage (資格喪失) at the own insurer: the loss date (the first day not covered)
 * and the reason, which the insurer publishes to the relay with the change. The member is named by the canonical
 * local ID, passed as a parameter rather than a path segment (a symbol may hold characters a path cannot).
 */
@Controller
class LossController {

    /** {@code insurer|symbol|number|branch}, as insurer-adapters writes it. */
    static final Pattern LOCAL_ID = Pattern.compile("\\d{6}(\\d{2})?\\|[^|]{1,20}\\|[0-9A-Za-z-]{1,20}\\|\\d{2}");

    private final InsurerMembersClient members;
    private final AdminActions actions;
    private final ProblemMessages problems;
    private final Clock clock;

    LossController(InsurerMembersClient members, AdminActions actions, ProblemMessages problems, Clock clock) {
        this.members = members;
        this.actions = actions;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/insurers/{organisation}/members/loss")
    @PreAuthorize("hasAuthority('MEMBER_REGISTER_LOSS') and @scope.own(authentication, #organisation)")
    String form(
            @PathVariable String organisation,
            @RequestParam(name = "member", required = false) String member,
            HttpServletResponse response,
            Model model) {
        if (member == null || !LOCAL_ID.matcher(member).matches()) {
            response.setStatus(404);
            return noSuchMember(model);
        }
        return page(model, organisation, member, new FormErrors(), null, null);
    }

    @PostMapping("/insurers/{organisation}/members/loss")
    @PreAuthorize("hasAuthority('MEMBER_REGISTER_LOSS') and @scope.own(authentication, #organisation)")
    String register(
            @PathVariable String organisation,
            @RequestParam(name = "localId", required = false) String localId,
            @RequestParam(name = "lostOn", required = false) String lostOn,
            @RequestParam(name = "reason", required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        if (localId == null || !LOCAL_ID.matcher(localId).matches()) {
            response.setStatus(404);
            return noSuchMember(model);
        }
        FormErrors errors = new FormErrors();
        LocalDate lost = Inputs.date(lostOn, "lostOn", false, today(), errors);
        String why = Inputs.text(reason, "reason", Inputs.MAX_REASON, false, errors);
        page(model, organisation, localId, errors, lostOn, reason);
        if (errors.any()) {
            response.setStatus(400);
            return "members/loss";
        }
        Acting acting = Acting.of(authentication, client);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("localId", localId);
        before.put("lostOn", lost);
        try {
            actions.change(
                    acting.staff(),
                    organisation,
                    Action.REGISTER_LOSS,
                    why,
                    before,
                    () -> members.registerLoss(acting, organisation, localId, lost, why),
                    MembersController::recorded);
        } catch (BackendException e) {
            // LOSS_ALREADY_REGISTERED, an unknown member, a date before the acquisition: above the kept form
            problems.show(e, model, response);
            return "members/loss";
        }
        return "redirect:/insurers/" + organisation + "/members?done=lossRegistered";
    }

    private static String page(
            Model model, String organisation, String localId, FormErrors errors, String lostOn, String reason) {
        String[] parts = localId.split("\\|");
        model.addAttribute("organisation", organisation);
        model.addAttribute("localId", localId);
        model.addAttribute("cardNumber", parts[1] + " " + parts[2] + " " + parts[3]);
        model.addAttribute("errors", errors);
        Map<String, String> form = new HashMap<>();
        form.put("lostOn", lostOn);
        form.put("reason", reason);
        model.addAttribute("form", form);
        return "members/loss";
    }

    /** A link that names no member in the insurer's form: the "not found" page with the way back to the list. */
    private static String noSuchMember(Model model) {
        model.addAttribute("problemKey", "problem.status.404");
        model.addAttribute("problemCode", "NO_MEMBER");
        model.addAttribute("problemStatus", 404);
        model.addAttribute("fields", List.of());
        return "problem";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformDates.ZONE));
    }
}
