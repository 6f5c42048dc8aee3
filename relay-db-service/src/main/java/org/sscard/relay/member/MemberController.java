package org.sscard.relay.member;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An insurer administrator's members, through the operators' console: only an operator token whose staff member is
 * an INSURER_ADMIN of that very provider ({@code @operators.administers}); a city administrator, another insurer's
 * administrator and every service client get 403. Read only: joiners and leavers are registered at the insurer
 * (insurer-adapters), which tells the relay ({@code relay/linkage}); the relay's gate links them.
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
}
