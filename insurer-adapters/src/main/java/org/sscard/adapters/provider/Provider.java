package org.sscard.adapters.provider;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.sscard.common.provider.ValidProviderKey;

/**
 * One provider served by this JVM, as configured under {@code sscard.adapters.providers}: its key (the token
 * audience and the first path segment), its kind, its own database schema, its names, for an insurer its insurer
 * number (保険者番号, which every imported row must carry), the service clients that may import its files, the
 * organisations whose staff may act for a resident here, and the operator clients (the operators' console) through
 * which this provider's own administrators import (empty: {@code sscard.adapters.operator-clients}).
 */
public record Provider(
        @NotBlank @ValidProviderKey String key,
        @NotNull ProviderKind kind,
        // interpolated into SQL as a schema name: only this shape is ever accepted
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{1,62}") String schema,
        @NotBlank String nameJa,
        @NotBlank String nameEn,
        @Pattern(regexp = "\\d{6}|\\d{8}") String insurerNumber,
        List<String> operators,
        List<String> staffOrganisations,
        List<String> operatorClients) {

    public Provider {
        operators = operators == null ? List.of() : List.copyOf(operators);
        operatorClients = operatorClients == null ? List.of() : List.copyOf(operatorClients);
        staffOrganisations = staffOrganisations == null ? List.of(key) : List.copyOf(staffOrganisations);
    }

    /** A table of this provider's schema, qualified; the schema name was validated at start. */
    public String table(String name) {
        return schema + "." + name;
    }

    public boolean isInsurer() {
        return kind == ProviderKind.INSURER;
    }
}
