package org.sscard.reception.cli;

import java.util.Arrays;
import java.util.Optional;

/** The desk's answer to a check ({@code outcome} of {@code POST /api/v1/eligibility-checks}) and its exit code. */
enum Outcome {
    VALID(ExitCodes.VALID),
    LOST(ExitCodes.NO_VALID_COVERAGE),
    LOST_WITH_NEW_COVERAGE_KNOWN(ExitCodes.NO_VALID_COVERAGE),
    NONE(ExitCodes.NO_VALID_COVERAGE),
    SEVERAL(ExitCodes.NO_VALID_COVERAGE),
    REFUSED(ExitCodes.REFUSED),
    NOT_COMPLETED(ExitCodes.NOT_COMPLETED);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static Optional<Outcome> of(String name) {
        return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
    }

    /** An outcome this program does not know (a newer desk): "any other error", never mistaken for valid. */
    static int exitCodeOf(String name) {
        return of(name).map(Outcome::exitCode).orElse(ExitCodes.ERROR);
    }
}
