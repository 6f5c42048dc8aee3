package org.sscard.issuer.enrolment;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Enrolment codes: how long one is valid after it is made ({@code validity}), and how many redemptions one client
 * address may attempt in a sliding {@code redeem-window} ({@code max-redeem-attempts}; every attempt counts, a
 * successful one included: the limit is there against guessing and against load from the one open API path).
 */
@ConfigurationProperties("sscard.issuer.enrolment")
@Validated
public record EnrolmentProperties(
        @DefaultValue("30m") Duration validity,
        @DefaultValue("10") @Min(1) int maxRedeemAttempts,
        @DefaultValue("15m") Duration redeemWindow) {}
