package org.sscard.relay.person;

import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Persons. Look-ups by personal ID or provisional number are POSTs: those values never go into a URL. */
@RestController
@RequestMapping("/api/v1/persons")
class PersonController {

    private final PersonService persons;

    PersonController(PersonService persons) {
        this.persons = persons;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PERSON_WRITE')")
    PersonView create(@Valid @RequestBody PersonRequests.CreatePerson request) {
        return persons.create(request);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PERSON_READ')")
    PersonView read(@PathVariable UUID id) {
        return persons.read(id);
    }

    /**
     * The person's 44-digit personal ID, for the card issuer alone: it certifies that number in the resident's card,
     * and an operator names the person by the relay's opaque ID only. In the body, never in a URL; logged.
     */
    @GetMapping("/{id}/personal-id")
    @PreAuthorize("hasAuthority('PERSONAL_ID_READ')")
    ResponseEntity<PersonalIdView> personalId(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new PersonalIdView(persons.personalIdOf(id)));
    }

    record PersonalIdView(String personalId) {}

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAuthority('PERSON_WRITE')")
    PersonView changeStatus(@PathVariable UUID id, @Valid @RequestBody PersonRequests.ChangeStatus request) {
        return persons.changeStatus(id, request);
    }

    @PostMapping("/lookup/by-personal-id")
    @PreAuthorize("hasAuthority('PERSON_LOOKUP')")
    PersonView lookup(@Valid @RequestBody PersonRequests.LookupByPersonalId request) {
        return persons.lookup(request);
    }

    @PostMapping("/lookup/by-provisional-ssn")
    @PreAuthorize("hasAuthority('LOOKUP_BY_SSN')")
    PersonView lookup(@Valid @RequestBody PersonRequests.LookupByProvisionalSsn request) {
        return persons.lookup(request);
    }
}
