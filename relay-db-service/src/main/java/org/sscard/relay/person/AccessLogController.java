package org.sscard.relay.person;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;

/**
 * "Who looked at my data": a person's access log, newest first. Reading it is itself logged. Rows are written only
 * by the operations they record, in the same transaction (what auth-service issues: {@code POST /api/v1/releases}).
 */
@RestController
class AccessLogController {

    private final PersonService persons;
    private final AccessLog accessLog;

    AccessLogController(PersonService persons, AccessLog accessLog) {
        this.persons = persons;
        this.accessLog = accessLog;
    }

    @GetMapping("/api/v1/persons/{id}/access-log")
    @PreAuthorize("hasAuthority('ACCESS_LOG_READ')")
    @Transactional
    public List<AccessLog.AccessLogEntry> entries(
            @PathVariable UUID id, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        PersonRef person = persons.requireRef(id);
        List<AccessLog.AccessLogEntry> entries = accessLog.entriesFor(person.id(), limit);
        accessLog.record(person.id(), AccessAction.ACCESS_LOG_READ, "who looked at my data", null);
        return entries;
    }
}
