package org.sscard.auth.reception;

import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The subject of a reception-check token: the patient as the insurer knows them ({@code localId}, the token's
 * {@code sub}), the insurer ({@code aud}) and the clerk acting ({@code act}). Lives only while the token is minted.
 */
final class InsuredPatient extends AbstractAuthenticationToken {

    private final String localId;
    private final String insurer;
    private final transient Map<String, Object> act;

    InsuredPatient(String localId, String insurer, Map<String, Object> act) {
        super(List.of());
        this.localId = localId;
        this.insurer = insurer;
        this.act = Map.copyOf(act);
        setAuthenticated(true);
    }

    @Override
    public String getName() {
        return localId;
    }

    @Override
    public Object getPrincipal() {
        return localId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    String insurer() {
        return insurer;
    }

    Map<String, Object> act() {
        return act;
    }
}
