package org.sscard.desk.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.desk.check.Channel;
import org.sscard.desk.check.CheckRequest;
import org.sscard.desk.check.CheckResult;
import org.sscard.desk.check.CheckService;
import org.sscard.desk.check.Method;
import org.sscard.desk.login.Clerk;
import org.sscard.desk.login.CurrentClerk;

/**
 * The reception API, for the desk program and any hospital's front-desk software: the same check as the desk page,
 * 200 for every completed or refused check (the outcome says which), RFC 9457 problems for bad input (400), a
 * missing or unusable token (401, 403) and the rate limit (429 with Retry-After). The bearer token is the clerk's
 * own, and the grant's actor.
 */
@RestController
class EligibilityCheckApi {

    static final String PATH = "/api/v1/eligibility-checks";

    private final CheckService checks;

    EligibilityCheckApi(CheckService checks) {
        this.checks = checks;
    }

    @Operation(
            summary = "Check a patient's eligibility and this hospital's patient number",
            security = @SecurityRequirement(name = "bearer"))
    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('API_CLERK')")
    CheckResult check(@Valid @RequestBody EligibilityCheckRequest body, JwtAuthenticationToken token) {
        Clerk clerk = CurrentClerk.of(token);
        CheckRequest request = body.method() == Method.CARD
                ? CheckRequest.card(
                        body.cardCertificate() == null
                                ? new byte[0]
                                : body.cardCertificate().getBytes(StandardCharsets.US_ASCII))
                : CheckRequest.ssn(body.provisionalSsn(), body.dateOfBirth(), body.reason(), checks.today());
        return checks.check(clerk, token.getToken().getTokenValue(), request, Channel.API);
    }
}
