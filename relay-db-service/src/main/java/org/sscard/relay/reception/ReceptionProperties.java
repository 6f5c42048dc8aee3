package org.sscard.relay.reception;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reception check's settings ({@code sscard.relay.reception}). {@code ssn-mismatch-limit}: how many wrong dates
 * of birth one existing provisional SSN may see within 24 hours before even the right date is refused — an SSN is
 * 12 digits and a date of birth one of some 36,500, so without a limit a desk could find the date by trying.
 */
@ConfigurationProperties("sscard.relay.reception")
@Validated
record ReceptionProperties(
        @DefaultValue("5") @Min(1) @Max(1000) int ssnMismatchLimit) {}
