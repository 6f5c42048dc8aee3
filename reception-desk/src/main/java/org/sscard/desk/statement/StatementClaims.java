package org.sscard.desk.statement;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a statement says: which check ({@code jti}), for which hospital ({@code aud}), by which clerk, about which
 * patient number, with which outcome and coverage (and the newer or previous insurer, when there is one), and when.
 * A claim that is null is left out of the statement, so statements from before a claim existed read the same.
 */
public record StatementClaims(
        UUID checkId,
        String hospital,
        String clerkSubject,
        String clerkName,
        String patientNumber,
        String outcome,
        String refusal,
        Map<String, Object> coverage,
        Map<String, Object> newCoverage,
        Map<String, Object> previousCoverage,
        Instant checkedAt) {}
