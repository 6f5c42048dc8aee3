package org.sscard.common.operator;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.sscard.common.token.ServiceTokenVerification;

/**
 * A service's authorities for the platform's bearer tokens, operator tokens included: a client's own token gets what
 * {@code clients} lists for that client (as {@link ServiceTokenVerification#clientAuthorities}); an
 * {@linkplain Operator operator token} from one of {@code operatorClients} gets what {@code operatorRoles} lists for
 * the operator's role, and nothing of the client's own; every other token gets nothing. Scoping by organisation (an
 * insurer administrator only for their own insurer) is the controller's: {@link Operator#administers}.
 */
public final class OperatorAuthorities {

    private OperatorAuthorities() {}

    public static Converter<Jwt, AbstractAuthenticationToken> converter(
            Map<String, ? extends Collection<? extends GrantedAuthority>> clients,
            Set<String> operatorClients,
            Map<String, ? extends Collection<? extends GrantedAuthority>> operatorRoles) {
        Converter<Jwt, AbstractAuthenticationToken> ownTokens = ServiceTokenVerification.clientAuthorities(clients);
        Set<String> operators = Set.copyOf(operatorClients);
        Map<String, List<GrantedAuthority>> roles = operatorRoles.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
        return jwt -> {
            if (ServiceTokenVerification.isClientToken(jwt)) {
                return ownTokens.convert(jwt);
            }
            List<GrantedAuthority> granted = Operator.of(jwt)
                    .filter(operator -> operators.contains(operator.client()))
                    .map(operator -> roles.getOrDefault(operator.role(), List.of()))
                    .orElse(List.of());
            return new JwtAuthenticationToken(jwt, granted, jwt.getSubject());
        };
    }
}
