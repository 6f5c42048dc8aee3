package org.sscard.adapters.provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The providers this service runs ({@code sscard.adapters.providers}); a new insurer is a new entry here, with its
 * own schema, never new code. {@code progressEvery}: an import reports its progress every so many rows.
 * {@code operatorClients}: the operator clients (operator tokens, {@code org.sscard.common.operator}) of every
 * provider that names none of its own.
 */
@ConfigurationProperties("sscard.adapters")
@Validated
public record AdaptersProperties(
        @Valid List<Provider> providers, @Min(1) Integer progressEvery, List<String> operatorClients) {

    public AdaptersProperties {
        providers = providers == null ? List.of() : List.copyOf(providers);
        operatorClients = operatorClients == null ? List.of() : List.copyOf(operatorClients);
        progressEvery = progressEvery == null ? 100_000 : progressEvery;
    }
}
