package org.sscard.relay.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of an insurer administrator's member API. */
public final class MemberRequests {

    private MemberRequests() {}

    /**
     * Enrols the person with this provisional SSN, date of birth and kana name (all three must match, or the answer
     * is PERSON_NOT_FOUND whatever was wrong) under the insurer's ID for them: symbol, number and branch on an
     * insurance card (the insurer number is the insurer's own, from configuration), or a local number.
     */
    public record Enrol(
            @NotNull @Pattern(regexp = "[0-9]{12}", message = "a provisional social-security number has 12 digits")
            String provisionalSsn,

            @NotNull LocalDate dateOfBirth,
            @NotBlank @Size(max = 100) String nameKana,
            @Size(max = 40) String insuranceSymbol,
            @Size(max = 40) String insuranceNumber,
            @Size(max = 2) String insuranceBranch,
            @Size(max = 32) String localNumber,
            @NotNull LocalDate validFrom,
            @Size(max = 200) String reason) {}

    /** Ends a membership on {@code validTo} (inclusive; default today). */
    public record End(LocalDate validTo, @Size(max = 200) String reason) {}
}
