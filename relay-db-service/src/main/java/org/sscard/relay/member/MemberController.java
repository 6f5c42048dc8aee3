package org.sscard.relay.member;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An insurer administrator's members, through the operators' console: only an operator token whose staff member is
 * an INSURER_ADMIN of that very provider ({@code @operators.administers}); a city administrator, another insurer's
 * administrator and every service client get 403.
 */
@RestController
@RequestMapping("/api/v1/providers/{key}/members")
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('MEMBER_READ') and @operators.administers(authentication, #key)")
    MemberPage list(
            @PathVariable String key,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size) {
        return members.list(key, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('MEMBER_WRITE') and @operators.administers(authentication, #key)")
    Member enrol(@PathVariable String key, @Valid @RequestBody MemberRequests.Enrol request) {
        return members.enrol(key, request);
    }

    @PostMapping("/{mappingId}/end")
    @PreAuthorize("hasAuthority('MEMBER_WRITE') and @operators.administers(authentication, #key)")
    Member end(@PathVariable String key, @PathVariable UUID mappingId, @Valid @RequestBody MemberRequests.End request) {
        return members.end(key, mappingId, request);
    }
}
