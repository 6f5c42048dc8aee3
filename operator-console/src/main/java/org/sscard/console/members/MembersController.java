package org.sscard.console.members;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
import org.sscard.console.backend.Joiner;
import org.sscard.console.backend.Member;
import org.sscard.console.backend.MemberPage;
import org.sscard.console.config.ConsoleProperties;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;
import org.sscard.console.web.ProblemMessages;

/**
 * An insurer's members as the insurer's own register holds them (insurer-adapters), for that insurer's own
 * administrator only ({@code @scope.own}: the organisation in the path is the operator's own, else 403 before any
 * back end is asked): the list, page by page, searchable by a kana or number prefix; registering a joiner, which the
 * insurer publishes to the relay (the five-item gate links it, or it waits in the review queue).
 */
@Controller
class MembersController {

    /** What the list says after a change (the loss page redirects here too). */
    private static final Set<String> DONE = Set.of("joined", "lossRegistered");

    /** The longest search insurer-adapters takes. */
    private static final int MAX_QUERY = 60;

    private final InsurerMembersClient members;
    private final AdminActions actions;
    private final ProblemMessages problems;
    private final ConsoleProperties console;
    private final Clock clock;

    MembersController(
            InsurerMembersClient members,
            AdminActions actions,
            ProblemMessages problems,
            ConsoleProperties console,
            Clock clock) {
        this.members = members;
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
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "done", required = false) String done,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            Model model) {
        Acting acting = Acting.of(authentication, client);
        int asked = Math.max(0, Math.min(page, 100_000));
        String query = Inputs.text(q, "q", MAX_QUERY, false, new FormErrors());
        MemberPage shown = members.members(acting, organisation, asked, console.membersPageSize(), query);
        // the query may be a name: admin_action says only that the list was searched
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("page", shown.page());
        what.put("shown", shown.items().size());
        what.put("total", shown.total());
        what.put("searched", query != null);
        actions.read(acting.staff(), organisation, Action.LIST_MEMBERS, what);
        model.addAttribute("organisation", organisation);
        model.addAttribute("members", shown);
        model.addAttribute("q", query);
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null);
        return "members/list";
    }

    @GetMapping("/insurers/{organisation}/members/new")
    @PreAuthorize("hasAuthority('MEMBER_REGISTER_JOINER') and @scope.own(authentication, #organisation)")
    String joinerForm(@PathVariable String organisation, Model model) {
        Map<String, String> blank = new LinkedHashMap<>();
        blank.put("copayPercent", "30");
        return form(model, organisation, new FormErrors(), blank);
    }

    @PostMapping("/insurers/{organisation}/members")
    @PreAuthorize("hasAuthority('MEMBER_REGISTER_JOINER') and @scope.own(authentication, #organisation)")
    String registerJoiner(
            @PathVariable String organisation,
            @RequestParam Map<String, String> form,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        FormErrors errors = new FormErrors();
        Joiner joiner = JoinerForm.read(form, today(), errors);
        form(model, organisation, errors, JoinerForm.kept(form));
        if (errors.any()) {
            response.setStatus(400);
            return "members/joiner";
        }
        Acting acting = Acting.of(authentication, client);
        try {
            actions.change(
                    acting.staff(),
                    organisation,
                    Action.REGISTER_JOINER,
                    null,
                    JoinerForm.recorded(joiner),
                    () -> members.registerJoiner(acting, organisation, joiner),
                    MembersController::recorded);
        } catch (BackendException e) {
            // MEMBER_EXISTS, a field the insurer did not take: said above the form, which keeps what was typed
            problems.show(e, model, response);
            return "members/joiner";
        }
        return "redirect:/insurers/" + organisation + "/members?done=joined";
    }

    private static String form(Model model, String organisation, FormErrors errors, Map<String, String> form) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("relationships", JoinerForm.RELATIONSHIPS);
        model.addAttribute("sexes", JoinerForm.SEXES);
        model.addAttribute("copays", JoinerForm.COPAYS);
        return "members/joiner";
    }

    /** What admin_action keeps of a member the insurer answered with: the local ID and the coverage period. */
    static Map<String, Object> recorded(Member member) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("localId", member.localId());
        after.put("acquiredOn", member.acquiredOn());
        after.put("lostOn", member.lostOn());
        return after;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformDates.ZONE));
    }
}
