package org.sscard.desk.check;

import java.time.Instant;
import java.util.UUID;

/**
 * One check's answer, for the page and, as it is, for the API: the outcome in words (Japanese and English), the
 * coverage, the newer insurer when known, the previous insurer and its loss date (VALID after a change of
 * insurer), this hospital's patient number (null: not yet registered here) and the signed statement.
 */
public record CheckResult(
        UUID checkId,
        Instant checkedAt,
        Outcome outcome,
        Refusal refusal,
        Message message,
        Coverage coverage,
        NewCoverage newCoverage,
        PreviousCoverage previousCoverage,
        String patientNumber,
        String statement)
        implements java.io.Serializable {}
