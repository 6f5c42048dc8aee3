package org.sscard.console.linkage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.sscard.console.audit.Action;
import org.sscard.console.audit.AdminActions;
import org.sscard.console.backend.Acting;
import org.sscard.console.backend.CoverageNotice;
import org.sscard.console.backend.InsurerMembersClient;
import org.sscard.console.backend.LinkReviewClient;
import org.sscard.console.backend.LinkageLog;

/**
 * The insurer's side of inter-insurer linkage on one page: the previous-coverage notices it received (from its own
 * register at insurer-adapters: whose coverage at which insurer ended when) and the relay's log of what it received
 * from this insurer and sent to it. Each list pages on its own.
 */
@Controller
class LinkageController {

    private final InsurerMembersClient members;
    private final LinkReviewClient relay;
    private final AdminActions actions;

    LinkageController(InsurerMembersClient members, LinkReviewClient relay, AdminActions actions) {
        this.members = members;
        this.relay = relay;
        this.actions = actions;
    }

    @GetMapping("/insurers/{organisation}/linkage")
    @PreAuthorize("hasAuthority('LINKAGE_READ') and @scope.own(authentication, #organisation)")
    String linkage(
            @PathVariable String organisation,
            @RequestParam(name = "noticesPage", defaultValue = "0") int noticesPage,
            @RequestParam(name = "logPage", defaultValue = "0") int logPage,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            Model model) {
        Acting acting = Acting.of(authentication, client);
        int notices = Math.max(0, Math.min(noticesPage, 100_000));
        int log = Math.max(0, Math.min(logPage, 100_000));
        CoverageNotice.Page received = members.notices(acting, organisation, notices);
        LinkageLog events = relay.log(acting, organisation, log);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("noticesPage", notices);
        what.put("notices", received.items().size());
        what.put("logPage", log);
        what.put("events", events.items().size());
        actions.read(acting.staff(), organisation, Action.READ_LINKAGE, what);
        model.addAttribute("organisation", organisation);
        model.addAttribute("notices", received);
        model.addAttribute("noticesPage", notices);
        model.addAttribute("log", events);
        model.addAttribute("logPage", log);
        return "linkage/linkage";
    }
}
