package org.sscard.console.members;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
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
import org.sscard.common.time.PlatformDates;
import org.sscard.console.audit.Action;
import org.sscard.console.audit.AdminActions;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.BackendException;
import org.sscard.console.backend.Enrolment;
import org.sscard.console.backend.Member;
import org.sscard.console.backend.MemberPage;
import org.sscard.console.backend.RelayClient;
import org.sscard.console.config.ConsoleProperties;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;
import org.sscard.console.web.ProblemMessages;

/**
 * An insurer's members, for that insurer's own administrator only ({@code @scope.own}: the organisation in the path
 * is the operator's own, else 403 before any back end is asked): the list, page by page; enrolling a person (found
 * by provisional SSN, date of birth and kana name together); ending a membership.
 */
@Controller
class MembersController {

    private final RelayClient relay;
    private final AdminActions actions;
    private final ProblemMessages problems;
    private final ConsoleProperties console;
    private final Clock clock;

    MembersController(
            RelayClient relay, AdminActions actions, ProblemMessages problems, ConsoleProperties console, Clock clock) {
        this.relay = relay;
        this.actions = actions;
        this.problems = problems;
        this.console = console;
        this.clock = clock;
    }

    @GetMapping("/insurers/{organisation}/members")
    @PreAuthorize("hasAuthority('MEMBER_READ') and @scope.own(authentication, #organisation)")
    String members(
            @PathVariable String organisation,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "done", required = false) String done,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            Model model) {
        Acting acting = Acting.of(authentication, client);
        int asked = Math.max(0, Math.min(page, 100_000));
        MemberPage members = relay.members(acting, organisation, asked, console.membersPageSize());
        actions.read(
                acting.staff(),
                organisation,
                Action.LIST_MEMBERS,
                Map.of("page", members.page(), "shown", members.items().size(), "total", members.total()));
        model.addAttribute("organisation", organisation);
        model.addAttribute("members", members);
        model.addAttribute("done", "enrolled".equals(done) || "disenrolled".equals(done) ? done : null);
        return "members/list";
    }

    @GetMapping("/insurers/{organisation}/members/new")
    @PreAuthorize("hasAuthority('MEMBER_ENROL') and @scope.own(authentication, #organisation)")
    String enrolForm(@PathVariable String organisation, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("form", Map.of());
        return "members/enrol";
    }

    @PostMapping("/insurers/{organisation}/members")
    @PreAuthorize("hasAuthority('MEMBER_ENROL') and @scope.own(authentication, #organisation)")
    String enrol(
            @PathVariable String organisation,
            @RequestParam Map<String, String> form,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = new FormErrors();
        Enrolment enrolment = EnrolmentForm.read(form, today(), errors);
        model.addAttribute("organisation", organisation);
        model.addAttribute("errors", errors);
        model.addAttribute("form", EnrolmentForm.kept(form));
        if (errors.any()) {
            response.setStatus(400);
            return "members/enrol";
        }
        Acting acting = Acting.of(authentication, client);
        try {
            actions.change(
                    acting.staff(),
                    organisation,
                    Action.ENROL_MEMBER,
                    enrolment.reason(),
                    null,
                    () -> relay.enrol(acting, organisation, enrolment),
                    MembersController::recorded);
        } catch (BackendException e) {
            problems.show(e, model, response);
            return "members/enrol";
        }
        return "redirect:/insurers/" + organisation + "/members?done=enrolled";
    }

    @GetMapping("/insurers/{organisation}/members/{mappingId}/end")
    @PreAuthorize("hasAuthority('MEMBER_DISENROL') and @scope.own(authentication, #organisation)")
    String endForm(@PathVariable String organisation, @PathVariable UUID mappingId, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("mappingId", mappingId);
        model.addAttribute("errors", new FormErrors());
        return "members/end";
    }

    @PostMapping("/insurers/{organisation}/members/{mappingId}/end")
    @PreAuthorize("hasAuthority('MEMBER_DISENROL') and @scope.own(authentication, #organisation)")
    String end(
            @PathVariable String organisation,
            @PathVariable UUID mappingId,
            @RequestParam(name = "validTo", required = false) String validTo,
            @RequestParam(name = "reason", required = false) String reason,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = new FormErrors();
        LocalDate until = Inputs.date(validTo, "validTo", false, today(), errors);
        String why = Inputs.reason(reason, true, errors);
        if (errors.any()) {
            response.setStatus(400);
            model.addAttribute("organisation", organisation);
            model.addAttribute("mappingId", mappingId);
            model.addAttribute("errors", errors);
            model.addAttribute("validTo", validTo);
            model.addAttribute("reason", reason);
            return "members/end";
        }
        Acting acting = Acting.of(authentication, client);
        actions.change(
                acting.staff(),
                organisation,
                Action.DISENROL_MEMBER,
                why,
                Map.of("mappingId", mappingId),
                () -> relay.endMembership(acting, organisation, mappingId, until, why),
                MembersController::recorded);
        return "redirect:/insurers/" + organisation + "/members?done=disenrolled";
    }

    /** What admin_action keeps of a membership: the mapping and its period, the person by opaque ID only. */
    private static Object recorded(Member member) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("mappingId", member.mappingId());
        after.put("validFrom", member.validFrom());
        after.put("validTo", member.validTo());
        after.put("status", member.status());
        return after;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformDates.ZONE));
    }
}
