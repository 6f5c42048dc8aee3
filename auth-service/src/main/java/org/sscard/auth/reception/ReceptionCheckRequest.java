package org.sscard.auth.reception;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A reception-check token request, read from the form: the clerk's token, the patient, the insurer asked for. */
final class ReceptionCheckRequest extends OAuth2AuthorizationGrantAuthenticationToken {

    private final String actorToken;
    private final PatientIdentification patient;
    private final String audience;

    ReceptionCheckRequest(Authentication client, String actorToken, PatientIdentification patient, String audience) {
        super(ReceptionCheck.GRANT_TYPE, client, Map.of());
        this.actorToken = actorToken;
        this.patient = patient;
        this.audience = audience;
    }

    String actorToken() {
        return actorToken;
    }

    PatientIdentification patient() {
        return patient;
    }

    /** The insurer asked for, or null: the relay's choice (the newest). */
    String audience() {
        return audience;
    }
}
