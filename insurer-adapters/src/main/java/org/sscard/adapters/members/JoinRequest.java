package org.sscard.adapters.members;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * 加入の登録: a joiner as the administrator types it (the eligibility file's fields, the address and the provisional
 * SSN for the relay's five-item check). Shapes are checked here; {@link JoinerFields} normalises as the import does.
 */
record JoinRequest(
        @NotBlank @Size(max = 20) String symbol,
        @NotBlank @Size(max = 20) String number,
        @NotBlank @Size(max = 2) String branch,
        @NotNull @Pattern(regexp = "INSURED|DEPENDANT") String relationship,
        @NotBlank @Size(max = 60) String nameKanji,
        @NotBlank @Size(max = 60) String nameKana,
        @NotNull LocalDate dateOfBirth,
        @NotNull @Pattern(regexp = "MALE|FEMALE") String sex,
        @Size(max = 300) String address,
        @Size(max = 30) String provisionalSsn,
        @NotNull LocalDate acquiredOn,
        @NotNull Integer copayPercent,
        @Size(max = 20) String limitCategory) {}
