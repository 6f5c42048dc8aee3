package org.sscard.hospital.audit;

import java.time.Instant;

/** One row as the contract's {@code /api/v1/access-log} serves it. */
public record AccessLogEntry(
        Instant at, String actor, String organisation, String role, String action, String purpose) {}
