package org.sscard.relay.security;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.sscard.common.operator.Operator;

/**
 * The operator clients ({@code sscard.relay.operator-clients}: the operators' console) and what an operator of each
 * role may do through them ({@code sscard.relay.operator-roles}: {@code CITY_ADMIN}, {@code INSURER_ADMIN} →
 * authorities). An operator token carries only its role's authorities, never the client's own; an insurer
 * administrator's are further bound to their own insurer ({@link Operators}). No operator role may resolve IDs: the
 * client ↔ provider binding ({@code client-providers}) names clients, not staff.
 */
@ConfigurationProperties("sscard.relay")
@Validated
public record OperatorProperties(
        @DefaultValue Set<String> operatorClients,
        @NotNull @DefaultValue Map<String, Set<RelayAuthority>> operatorRoles) {

    private static final Set<String> ROLES = Set.of(Operator.CITY_ADMIN, Operator.INSURER_ADMIN);
    private static final Set<RelayAuthority> NEVER_FOR_OPERATORS = Set.of(
            RelayAuthority.RESOLVE,
            RelayAuthority.REVERSE_RESOLVE,
            RelayAuthority.RELEASE,
            RelayAuthority.CARD_LOGIN_CHECK,
            RelayAuthority.RECEPTION_CHECK,
            RelayAuthority.SAML_METADATA_WRITE,
            RelayAuthority.LINKAGE_PUBLISH,
            RelayAuthority.LINKAGE_READ,
            // the resident's own word, through My Portal: no staff member says "this is not me" for them
            RelayAuthority.MAPPING_DISPUTE);

    public OperatorProperties {
        operatorClients = Set.copyOf(operatorClients == null ? Set.of() : operatorClients);
        operatorRoles = Map.copyOf(operatorRoles == null ? Map.of() : operatorRoles);
        for (Map.Entry<String, Set<RelayAuthority>> role : operatorRoles.entrySet()) {
            if (!ROLES.contains(role.getKey())) {
                throw new IllegalStateException("sscard.relay.operator-roles names '" + role.getKey()
                        + "', which is no operator role (" + ROLES + "); write the key as \"[CITY_ADMIN]\"");
            }
            for (RelayAuthority authority : role.getValue()) {
                if (NEVER_FOR_OPERATORS.contains(authority)) {
                    throw new IllegalStateException("sscard.relay.operator-roles." + role.getKey() + " holds "
                            + authority + ", which belongs to a service's own flow, never to an operator");
                }
            }
        }
        if (!operatorClients.isEmpty() && operatorRoles.isEmpty()) {
            throw new IllegalStateException("sscard.relay.operator-roles is required with operator-clients");
        }
    }
}
