package org.sscard.reception.cli;

/**
 * The exit codes of {@code check} and {@code check-ssn} (front-desk software branches on them), and of
 * {@code verify-statement}: 0 valid, 1 invalid or any other error, 2 usage.
 */
final class ExitCodes {

    /** Valid coverage found (check); the statement is valid (verify-statement). */
    static final int VALID = 0;
    /** Any other error, including the clerk's own login refused; an invalid statement. */
    static final int ERROR = 1;
    /** A wrong command line or missing input. */
    static final int USAGE = 2;
    /** Checked: no valid coverage (lost, lost with the new insurer known, none, several). */
    static final int NO_VALID_COVERAGE = 3;
    /** Refused: card revoked, suspended, expired or unknown; SSN and date of birth not matching one person. */
    static final int REFUSED = 4;
    /** Not completed: insurer or platform unreachable; confirm with the paper insurance card. */
    static final int NOT_COMPLETED = 5;

    private ExitCodes() {}
}
