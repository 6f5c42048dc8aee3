package org.sscard.relay.linkage.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.relay.linkage.LinkageLog;
import org.sscard.relay.provider.ProviderRegistry;

/**
 * An insurer administrator's review queue and linkage log, through the operators' console: only an operator token
 * whose staff member is an INSURER_ADMIN of that very provider ({@code @operators.administers}); another insurer's
 * administrator, a city administrator and every service client get 403.
 */
@RestController
@RequestMapping("/api/v1/providers/{key}")
class ReviewController {

    private static final String ADMIN = "hasAuthority('LINK_REVIEW') and @operators.administers(authentication, #key)";

    /** Which reviews a list shows: OPEN, or every other (decided or withdrawn). */
    enum Filter {
        OPEN,
        DECIDED
    }

    private final ReviewService reviews;
    private final ProviderRegistry providers;
    private final LinkageLog linkageLog;

    ReviewController(ReviewService reviews, ProviderRegistry providers, LinkageLog linkageLog) {
        this.reviews = reviews;
        this.providers = providers;
        this.linkageLog = linkageLog;
    }

    @GetMapping("/link-reviews")
    @PreAuthorize(ADMIN)
    ReviewViews.Page list(
            @PathVariable String key,
            @RequestParam(defaultValue = "OPEN") Filter status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return reviews.list(key, status == Filter.OPEN, page, size);
    }

    @GetMapping("/link-reviews/{id}")
    @PreAuthorize(ADMIN)
    ReviewViews.Detail read(@PathVariable String key, @PathVariable UUID id) {
        return reviews.read(key, id);
    }

    @PostMapping("/link-reviews/{id}/decision")
    @PreAuthorize(ADMIN)
    ReviewViews.Detail decide(
            @PathVariable String key, @PathVariable UUID id, @Valid @RequestBody ReviewViews.DecisionRequest request) {
        return reviews.decide(key, id, request);
    }

    /** What the relay received from and sent to this insurer, newest first (its own local IDs only). */
    @GetMapping("/linkage-log")
    @PreAuthorize(ADMIN)
    ReviewViews.LogPage linkageLog(
            @PathVariable String key,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        long provider = providers.requireRef(key).id();
        return new ReviewViews.LogPage(linkageLog.page(provider, page, size), page, size, linkageLog.count(provider));
    }
}
