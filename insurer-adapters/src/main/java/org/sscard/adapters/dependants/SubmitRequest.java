package org.sscard.adapters.dependants;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The insured person's answers: one per current dependant, named by branch; {@code note} at most 200 characters
 * (checked again in code points, as the database counts). The sizes bound the work an answer can cause.
 */
record SubmitRequest(@NotNull @Size(max = 50) List<@NotNull @Valid Item> answers) {

    record Item(
            @NotBlank @Size(max = 20) String dependant,
            @NotNull Answer answer,
            @Size(max = 400) String note) {}
}
