package org.sscard.adapters.members;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** 資格喪失の登録: the first day not covered (資格喪失日) and why (optional, told to the relay). */
record LossRequest(
        @NotNull LocalDate lostOn, @Size(max = 200) String reason) {

    /** Stripped; null when blank or absent. */
    String reasonText() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
