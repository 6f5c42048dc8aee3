package org.sscard.console.linkage;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.sscard.console.backend.LinkReview;
import org.sscard.console.backend.LinkReviewClient;
import org.sscard.console.forms.FormErrors;
import org.sscard.console.forms.Inputs;

/**
 * The insurer's link-review queue at the relay, for the own insurer's administrator only ({@code @scope.own}): the
 * open reviews oldest first (and the decided ones), one review with the five items side by side, and the decision
 * with its reason. Linking a record and confirming a disputed link is not the person's are asked once more on a
 * confirmation page; only the confirmed POST reaches the relay. Every read and decision is in admin_action (the
 * relay logs its own side on the person concerned).
 */
@Controller
class LinkReviewsController {

    private static final int PAGE_SIZE = 50;
    private static final int MAX_REASON = 500;

    /** The decisions asked again before they are made: they link a person, or cut a link for good. */
    private static final Set<String> CONFIRMED = Set.of("LINK", "CONFIRM_NOT_THEIRS");

    /** A review's status after its decision, as the list says it. */
    private static final Set<String> DECIDED = Set.of("LINKED", "REJECTED", "CONFIRMED_NOT_THEIRS", "REINSTATED");

    private final LinkReviewClient reviews;
    private final AdminActions actions;

    LinkReviewsController(LinkReviewClient reviews, AdminActions actions) {
        this.reviews = reviews;
        this.actions = actions;
    }

    @GetMapping("/insurers/{organisation}/link-reviews")
    @PreAuthorize("hasAuthority('LINK_REVIEW_READ') and @scope.own(authentication, #organisation)")
    String list(
            @PathVariable String organisation,
            @RequestParam(name = "status", defaultValue = "OPEN") String status,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "done", required = false) String done,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            Model model) {
        Acting acting = Acting.of(authentication, client);
        String shown = LinkReviewClient.STATUSES.contains(status) ? status : "OPEN";
        int asked = Math.max(0, Math.min(page, 100_000));
        LinkReview.Page items = reviews.list(acting, organisation, shown, asked, PAGE_SIZE);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("status", shown);
        what.put("page", items.number());
        what.put("shown", items.items().size());
        what.put("total", items.total());
        actions.read(acting.staff(), organisation, Action.LIST_LINK_REVIEWS, what);
        model.addAttribute("organisation", organisation);
        model.addAttribute("reviews", items);
        model.addAttribute("status", shown);
        model.addAttribute("statuses", List.of("OPEN", "DECIDED"));
        model.addAttribute("done", done != null && DECIDED.contains(done) ? done : null);
        return "linkage/reviews";
    }

    @GetMapping("/insurers/{organisation}/link-reviews/{id}")
    @PreAuthorize("hasAuthority('LINK_REVIEW_READ') and @scope.own(authentication, #organisation)")
    String detail(
            @PathVariable String organisation,
            @PathVariable UUID id,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            Model model) {
        LinkReview review = read(Acting.of(authentication, client), organisation, id);
        return page(model, organisation, review, new FormErrors(), null, null);
    }

    @PostMapping("/insurers/{organisation}/link-reviews/{id}/decision")
    @PreAuthorize("hasAuthority('LINK_REVIEW_DECIDE') and @scope.own(authentication, #organisation)")
    String decide(
            @PathVariable String organisation,
            @PathVariable UUID id,
            @RequestParam(name = "decision", required = false) String decision,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "confirmed", required = false) String confirmed,
            @RegisteredOAuth2AuthorizedClient("sscard") OAuth2AuthorizedClient client,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        Acting acting = Acting.of(authentication, client);
        FormErrors errors = new FormErrors();
        if (decision == null || !LinkReviewClient.DECISIONS.contains(decision)) {
            errors.add("decision");
        }
        String why = Inputs.text(reason, "reason", MAX_REASON, true, new FormErrors());
        if (why == null) {
            errors.add("reason", "invalid.reviewReason");
        }
        if (errors.any()) {
            response.setStatus(400);
            return page(model, organisation, read(acting, organisation, id), errors, decision, reason);
        }
        if (CONFIRMED.contains(decision) && !"yes".equals(confirmed)) {
            // linking a person, or cutting a link for good: the review once more, and what the decision does
            LinkReview review = read(acting, organisation, id);
            if (!review.allowedDecisions().contains(decision)) {
                errors.add("decision");
                response.setStatus(400);
                return page(model, organisation, review, errors, decision, reason);
            }
            model.addAttribute("organisation", organisation);
            model.addAttribute("r", review);
            model.addAttribute("rows", FiveItems.of(review));
            model.addAttribute("decision", decision);
            model.addAttribute("reason", why);
            return "linkage/confirm";
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("reviewId", id);
        before.put("decision", decision);
        LinkReview decided = actions.change(
                acting.staff(),
                organisation,
                Action.DECIDE_LINK_REVIEW,
                why,
                before,
                () -> reviews.decide(acting, organisation, id, decision, why),
                LinkReviewsController::recorded);
        String done = DECIDED.contains(decided.status()) ? "&done=" + decided.status() : "";
        return "redirect:/insurers/" + organisation + "/link-reviews?status=OPEN" + done;
    }

    /** The review as the relay holds it now, its reading recorded before it is shown or decided on. */
    private LinkReview read(Acting acting, String organisation, UUID id) {
        LinkReview review = reviews.detail(acting, organisation, id);
        actions.read(acting.staff(), organisation, Action.READ_LINK_REVIEW, recorded(review));
        return review;
    }

    private static String page(
            Model model, String organisation, LinkReview review, FormErrors errors, String decision, String reason) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("r", review);
        model.addAttribute("rows", FiveItems.of(review));
        model.addAttribute("errors", errors);
        model.addAttribute("decision", decision);
        model.addAttribute("reason", reason);
        return "linkage/review";
    }

    /**
     * What admin_action keeps of a review: its ID, kind, status, the insurer's local ID, the items that differ and
     * the decision; never a name, a date of birth or an address.
     */
    static Map<String, Object> recorded(LinkReview review) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("reviewId", review.id());
        kept.put("kind", review.kind());
        kept.put("status", review.status());
        kept.put("localId", review.localId());
        kept.put("differences", review.differences());
        if (review.decisionCode() != null) {
            kept.put("decision", review.decisionCode());
        }
        return kept;
    }
}
