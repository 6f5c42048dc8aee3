package org.sscard.relay.person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.common.provider.ValidProviderKey;
import org.sscard.common.web.CommonError;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.provider.ProviderRegistry;

/**
 * "Who looked at my data": a person's access log, newest first. Reading it is itself logged. Issuing services append
 * what they issued.
 */
@RestController
class AccessLogController {

    private final PersonService persons;
    private final ProviderRegistry providers;
    private final AccessLog accessLog;

    AccessLogController(PersonService persons, ProviderRegistry providers, AccessLog accessLog) {
        this.persons = persons;
        this.providers = providers;
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

    /**
     * An issuing service reports what it gave out about the person: auth-service an ID token ({@code TOKEN_ISSUED})
     * or a SAML assertion ({@code ASSERTION_ISSUED}) for a provider. Only these two actions can be written this way;
     * the caller, the acting-for and the purpose come from the request as for every other row.
     */
    @PostMapping("/api/v1/persons/{id}/access-log")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('ACCESS_LOG_WRITE')")
    @Transactional
    public void append(@PathVariable UUID id, @Valid @RequestBody IssuedRecord request) {
        if (request.action() != AccessAction.TOKEN_ISSUED && request.action() != AccessAction.ASSERTION_ISSUED) {
            throw new RelayException(CommonError.INVALID_FIELD, "action: only TOKEN_ISSUED or ASSERTION_ISSUED");
        }
        PersonRef person = persons.requireRef(id);
        String provider = providers.requireRef(request.providerKey()).key();
        accessLog.record(
                person.id(),
                request.action(),
                request.action() == AccessAction.ASSERTION_ISSUED ? "SAML assertion issued" : "ID token issued",
                provider);
    }

    /** What was issued, and to which provider. */
    public record IssuedRecord(
            @NotNull AccessAction action,

            @NotNull @ValidProviderKey String providerKey) {}
}
