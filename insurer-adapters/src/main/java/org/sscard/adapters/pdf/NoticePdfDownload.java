package org.sscard.adapters.pdf;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.sscard.adapters.audit.AccessAction;
import org.sscard.adapters.audit.AccessLog;
import org.sscard.adapters.insurer.Eligibility;
import org.sscard.adapters.insurer.InsurerRecords;
import org.sscard.adapters.pages.ProviderPage;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;

/** A calendar year's notices as a PDF download, linked from the notices page ({@code notices/<year>.pdf}). */
@Controller
@ProviderPage
class NoticePdfDownload {

    private final ProviderResolver providers;
    private final InsurerRecords records;
    private final AccessLog accessLog;
    private final NoticePdf pdf;

    NoticePdfDownload(ProviderResolver providers, InsurerRecords records, AccessLog accessLog, NoticePdf pdf) {
        this.providers = providers;
        this.records = records;
        this.accessLog = accessLog;
        this.pdf = pdf;
    }

    @GetMapping("/{provider}/notices/{year:\\d{4}}.pdf")
    @PreAuthorize("hasAuthority('PERSON_READ')")
    ResponseEntity<byte[]> download(
            @PathVariable String provider, @PathVariable int year, @AuthenticationPrincipal Caller caller) {
        Provider insurer = providers.provider(provider, caller, ProviderKind.INSURER);
        accessLog.record(insurer, caller, AccessAction.NOTICES_PDF);
        String name = records.eligibility(insurer, caller.subject())
                .map(Eligibility::nameKanji)
                .orElse("");
        byte[] document = pdf.render(insurer, name, records.notices(insurer, caller.subject(), year));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("医療費のお知らせ-" + year + ".pdf", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(document);
    }
}
