package org.sscard.adapters.summary;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.adapters.audit.AccessAction;
import org.sscard.adapters.audit.AccessLog;
import org.sscard.adapters.dependants.DependantsSummary;
import org.sscard.adapters.insurer.InsurerRecords;
import org.sscard.adapters.insurer.NoticeYear;
import org.sscard.adapters.pension.PensionRecord;
import org.sscard.adapters.pension.PensionRecords;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;

/** A few lines for the provider's tile on My Portal, and whether a dependant verification awaits the insured. */
@RestController
class SummaryApi {

    private final ProviderResolver providers;
    private final InsurerRecords insurers;
    private final PensionRecords pensions;
    private final AccessLog accessLog;
    private final DependantsSummary dependants;

    SummaryApi(
            ProviderResolver providers,
            InsurerRecords insurers,
            PensionRecords pensions,
            AccessLog accessLog,
            DependantsSummary dependants) {
        this.providers = providers;
        this.insurers = insurers;
        this.pensions = pensions;
        this.accessLog = accessLog;
        this.dependants = dependants;
    }

    @Operation(summary = "A few lines for My Portal's tile")
    @GetMapping("/{provider}/api/v1/summary")
    @PreAuthorize("hasAuthority('PERSON_READ')")
    Map<String, Object> summary(@PathVariable String provider, @AuthenticationPrincipal Caller caller) {
        Provider own = providers.provider(provider, caller, null);
        accessLog.record(own, caller, AccessAction.SUMMARY_READ);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("provider", own.key());
        summary.put("nameJa", own.nameJa());
        summary.put("nameEn", own.nameEn());
        if (own.isInsurer()) {
            insurers.eligibility(own, caller.subject()).ifPresent(e -> summary.put("copayPercent", e.copayPercent()));
            NoticeYear notices = insurers.notices(own, caller.subject(), null);
            notices.lines().stream().reduce((a, b) -> b).ifPresent(last -> {
                summary.put("latestNoticeMonth", last.month().toString().substring(0, 7));
                summary.put(
                        "latestNoticeOwnShare",
                        notices.lines().stream()
                                .filter(l -> l.month().equals(last.month()))
                                .mapToLong(l -> l.ownShare())
                                .sum());
            });
            summary.put("yearOwnShare", Map.of("year", notices.year(), "amount", notices.ownShare()));
            // only the insured person's own token answers it; a staff member acting for them is not told
            if (!caller.isStaff()) {
                dependants.of(own, caller.subject()).ifPresent(due -> summary.put("dependantVerification", due));
            }
        } else {
            PensionRecord record = pensions.record(own, caller.subject());
            summary.put("demo", true);
            summary.put("notice", PensionRecord.DEMO_NOTICE);
            summary.put("contributionMonths", record.totalMonths());
            record.projections().stream()
                    .filter(p -> p.startAge() == 65)
                    .findFirst()
                    .ifPresent(p -> summary.put("projectedAnnualAt65", p.annualTotal()));
        }
        return summary;
    }
}
