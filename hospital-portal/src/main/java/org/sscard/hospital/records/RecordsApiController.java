package org.sscard.hospital.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.common.time.PlatformDates;
import org.sscard.hospital.audit.AccessLogEntry;

/** The contract's JSON API, on a pairwise bearer token: the token's subject is the patient, nothing else. */
@RestController
class RecordsApiController {

    private final RecordsService records;
    private final PlatformDates dates;

    RecordsApiController(RecordsService records, PlatformDates dates) {
        this.records = records;
        this.dates = dates;
    }

    @GetMapping("/api/v1/records")
    @PreAuthorize("hasAuthority('PATIENT')")
    PatientRecords records(
            Authentication authentication,
            @RequestHeader(name = CurrentPatient.PURPOSE_HEADER, required = false) String purpose) {
        return records.records(CurrentPatient.of(authentication, purpose), RecordsService.RECORDS_READ);
    }

    @GetMapping("/api/v1/access-log")
    @PreAuthorize("hasAuthority('PATIENT')")
    List<AccessLogEntry> accessLog(
            Authentication authentication,
            @RequestHeader(name = CurrentPatient.PURPOSE_HEADER, required = false) String purpose) {
        return records.accessLog(CurrentPatient.of(authentication, purpose));
    }

    /** A few lines for My Portal's tile: the latest visit and how many recent lab values are out of range. */
    @GetMapping("/api/v1/summary")
    @PreAuthorize("hasAuthority('PATIENT')")
    Map<String, Object> summary(
            Authentication authentication,
            @RequestHeader(name = CurrentPatient.PURPOSE_HEADER, required = false) String purpose) {
        PatientRecords found = records.records(CurrentPatient.of(authentication, purpose), RecordsService.SUMMARY_READ);
        List<String> lines = new ArrayList<>();
        found.visits().stream()
                .findFirst()
                .ifPresent(v -> lines.add("最終受診 Last visit: " + dates.japanese(v.date()) + " " + v.department()));
        long flagged =
                found.labResults().stream().filter(l -> !"N".equals(l.flag())).count();
        lines.add("基準範囲外の検査値 Lab values out of range: " + flagged);
        lines.add("報告書 Reports: " + found.reports().size());
        return Map.of("lines", lines);
    }
}
