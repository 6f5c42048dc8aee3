package org.sscard.relay.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of the person API. The 44-digit personal ID travels only in bodies like these. */
public final class PersonRequests {

    private PersonRequests() {}

    /**
     * {@code personalId}: absent when the city office registers a person who has none yet; the relay then issues
     * one. {@code address}: stored normalised ({@link Address}).
     */
    public record CreatePerson(
            String personalId,
            @NotBlank @Size(max = 100) String nameKana,
            @Size(max = 100) String nameKanji,
            @NotNull @Past LocalDate dateOfBirth,
            @NotNull Sex sex,

            @Pattern(regexp = "[0-9]{12}", message = "a provisional social-security number has 12 digits")
            String provisionalSsn,

            @Size(max = Address.MAX_LENGTH) String address) {}

    public record ChangeStatus(
            @NotNull PersonStatus status, @Size(max = 200) String reason) {}

    public record LookupByPersonalId(@NotNull String personalId) {}

    public record LookupByProvisionalSsn(
            @NotNull @Pattern(regexp = "[0-9]{12}", message = "a provisional social-security number has 12 digits")
            String provisionalSsn,

            @NotNull LocalDate dateOfBirth) {}
}
