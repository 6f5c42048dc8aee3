package org.sscard.auth.operator;

import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The subject of an operator token while it is minted: the client itself (the token's {@code sub}), the one back end
 * it is for ({@code aud}) and the staff member it acts for ({@code act}). Never stored.
 */
final class OperatorPrincipal extends AbstractAuthenticationToken {

    private final String clientId;
    private final String audience;
    private final transient Map<String, Object> act;

    OperatorPrincipal(String clientId, String audience, Map<String, Object> act) {
        super(List.of());
        this.clientId = clientId;
        this.audience = audience;
        this.act = Map.copyOf(act);
        setAuthenticated(true);
    }

    @Override
    public String getName() {
        return clientId;
    }

    @Override
    public Object getPrincipal() {
        return clientId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    String audience() {
        return audience;
    }

    Map<String, Object> act() {
        return act;
    }
}
