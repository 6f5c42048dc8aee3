package org.sscard.adapters.pension;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.sscard.adapters.audit.AccessAction;
import org.sscard.adapters.audit.AccessLog;
import org.sscard.adapters.pages.ProviderPage;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;

/** The pension office's page (demonstration data, labelled so). */
@Controller
@ProviderPage
class PensionPages {

    private final ProviderResolver providers;
    private final PensionRecords records;
    private final AccessLog accessLog;

    PensionPages(ProviderResolver providers, PensionRecords records, AccessLog accessLog) {
        this.providers = providers;
        this.records = records;
        this.accessLog = accessLog;
    }

    @GetMapping("/{provider}/pension")
    @PreAuthorize("hasAuthority('PERSON_READ')")
    String pension(@PathVariable String provider, @AuthenticationPrincipal Caller caller, Model model) {
        Provider office = providers.provider(provider, caller, ProviderKind.PENSION);
        accessLog.record(office, caller, AccessAction.PENSION_READ);
        model.addAttribute("provider", office);
        model.addAttribute("caller", caller);
        model.addAttribute("current", "pension");
        model.addAttribute("pension", records.record(office, caller.subject()));
        return "pension";
    }
}
