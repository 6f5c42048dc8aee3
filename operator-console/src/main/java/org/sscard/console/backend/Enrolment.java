package org.sscard.console.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A person to enrol at an insurer ({@code POST /api/v1/providers/{key}/members}): found by provisional SSN, date of
 * birth and kana name together; the insurer's own number for them as symbol, number and branch, or a local number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Enrolment(
        String provisionalSsn,
        LocalDate dateOfBirth,
        String nameKana,
        String insuranceSymbol,
        String insuranceNumber,
        String insuranceBranch,
        String localNumber,
        LocalDate validFrom,
        String reason) {}
