package org.sscard.issuer.enrolment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.common.operator.Operator;

/** An operator makes an enrolment code for a person (the relay's opaque ID), to hand to them at the counter. */
@RestController
class EnrolmentCodeController {

    record CreateRequest(@NotNull UUID personId) {}

    record CreateResponse(String code, Instant expiresAt) {}

    private final EnrolmentService enrolment;

    EnrolmentCodeController(EnrolmentService enrolment) {
        this.enrolment = enrolment;
    }

    @PostMapping("/api/v1/enrolment-codes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ENROL')")
    CreateResponse create(@Valid @RequestBody CreateRequest request, Authentication authentication) {
        EnrolmentService.Created created = enrolment.create(request.personId(), Operator.of(authentication));
        return new CreateResponse(created.code(), created.expiresAt());
    }
}
