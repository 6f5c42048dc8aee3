package org.sscard.adapters.insurer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sscard.adapters.audit.AccessAction;
import org.sscard.adapters.audit.AccessLog;
import org.sscard.adapters.pages.ProviderPage;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;

/** An insurer's pages for residents, at the paths registered in the relay: eligibility, notices, checkups. */
@Controller
@ProviderPage
@RequestMapping("/{provider}")
class InsurerPages {

    private final ProviderResolver providers;
    private final InsurerRecords records;
    private final AccessLog accessLog;

    InsurerPages(ProviderResolver providers, InsurerRecords records, AccessLog accessLog) {
        this.providers = providers;
        this.records = records;
        this.accessLog = accessLog;
    }

    @GetMapping("/eligibility")
    @PreAuthorize("hasAuthority('PERSON_READ')")
    String eligibility(@PathVariable String provider, @AuthenticationPrincipal Caller caller, Model model) {
        Provider insurer = page(provider, caller, model, "eligibility");
        accessLog.record(insurer, caller, AccessAction.ELIGIBILITY_READ);
        model.addAttribute(
                "eligibility", records.eligibility(insurer, caller.subject()).orElse(null));
        return "eligibility";
    }

    @GetMapping("/notices")
    @PreAuthorize("hasAuthority('PERSON_READ')")
    String notices(
            @PathVariable String provider,
            @RequestParam(required = false) Integer year,
            @AuthenticationPrincipal Caller caller,
            Model model) {
        Provider insurer = page(provider, caller, model, "notices");
        accessLog.record(insurer, caller, AccessAction.NOTICES_READ);
        model.addAttribute("notices", records.notices(insurer, caller.subject(), year));
        return "notices";
    }

    @GetMapping("/checkups")
    @PreAuthorize("hasAuthority('PERSON_READ')")
    String checkups(@PathVariable String provider, @AuthenticationPrincipal Caller caller, Model model) {
        Provider insurer = page(provider, caller, model, "checkups");
        accessLog.record(insurer, caller, AccessAction.CHECKUPS_READ);
        model.addAttribute("checkups", records.checkups(insurer, caller.subject()));
        return "checkups";
    }

    private Provider page(String key, Caller caller, Model model, String current) {
        Provider insurer = providers.provider(key, caller, ProviderKind.INSURER);
        model.addAttribute("provider", insurer);
        model.addAttribute("caller", caller);
        model.addAttribute("current", current);
        return insurer;
    }
}
