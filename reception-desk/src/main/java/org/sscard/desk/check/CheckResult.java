package org.sscard.desk.check;

import java.time.Instant;
import java.util.UUID;

/**
 * One check's answer, for the page and, as it is, for the API: the outcome in words (Japanese and English), the
 * coverage, the newer insurer when known, this hospital's patient number (null: not yet registered here) and the
 * signed statement.
 */
public record CheckResult(
        UUID checkId,
        Instant checkedAt,
        Outcome outcome,
        Refusal refusal,
        Message message,
        Coverage coverage,
        NewCoverage newCoverage,
        String patientNumber,
        String statement)
        implements java.io.Serializable {}
