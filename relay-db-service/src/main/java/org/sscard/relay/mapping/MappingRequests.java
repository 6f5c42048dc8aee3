package org.sscard.relay.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.sscard.common.provider.ValidProviderKey;
import org.sscard.relay.person.PersonStatus;

public final class MappingRequests {

    private MappingRequests() {}

    public record RegisterMapping(
            @NotNull @ValidProviderKey String providerKey,

            @NotNull ProviderLocalId localId,
            @NotNull LocalDate validFrom,
            LocalDate validTo) {}

    public record EndMapping(
            LocalDate validTo, @Size(max = 200) String reason) {}

    /** ID conversion at reception: the provider's own ID in the body, never in the URL. */
    public record ReverseResolve(@NotNull ProviderLocalId localId, LocalDate at) {}

    public record ResolvedPerson(
            UUID personId, String nameKana, LocalDate dateOfBirth, PersonStatus status, MappingView mapping) {}
}
