package org.sscard.relay.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sscard.common.provider.ValidProviderKey;

public final class StaffRequests {

    private StaffRequests() {}

    public record CreateStaff(
            @NotNull @ValidProviderKey String organisation,

            @NotNull StaffRole role,
            @NotBlank @Size(max = 100) String nameKanji,
            @NotBlank @Size(max = 100) String nameKana) {}

    public record ChangeStatus(
            @NotNull StaffStatus status, @Size(max = 200) String reason) {}
}
