package org.sscard.desk.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sscard.desk.check.Method;
import org.sscard.desk.check.Reason;

/**
 * The API's question: {@code method} CARD with {@code cardCertificate} (PEM text, or the DER in base64), or SSN
 * with {@code provisionalSsn} (12 digits), {@code dateOfBirth} (YYYY-MM-DD) and {@code reason}.
 */
record EligibilityCheckRequest(
        @NotNull Method method,

        @Size(max = 24 * 1024) @Schema(description = "the patient's card certificate: PEM, or base64 of the DER")
        String cardCertificate,

        @Size(max = 32) @Schema(description = "12 digits", example = "100000000006")
        String provisionalSsn,

        @Size(max = 32) @Schema(description = "YYYY-MM-DD", example = "1968-05-05")
        String dateOfBirth,

        Reason reason) {}
