package org.sscard.adapters.dependants;

import jakarta.validation.constraints.Size;

/** The administrator's reason: optional to accept, required to return (the insured person reads it). */
record DecisionRequest(@Size(max = 500) String reason) {

    /** Stripped; null when blank or absent. */
    String text() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
