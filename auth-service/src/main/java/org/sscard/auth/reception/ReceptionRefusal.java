package org.sscard.auth.reception;

import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A refused reception check: its error code, a description without personal data, and extra response members. */
final class ReceptionRefusal extends OAuth2AuthenticationException {

    private final ReceptionError error;
    private final transient Map<String, Object> parameters;

    ReceptionRefusal(ReceptionError error, String description) {
        this(error, description, Map.of());
    }

    ReceptionRefusal(ReceptionError error, String description, Map<String, Object> parameters) {
        super(new OAuth2Error(error.code(), description, null), description);
        this.error = error;
        this.parameters = Map.copyOf(parameters);
    }

    ReceptionError error() {
        return error;
    }

    /** Members of the error response besides {@code error} and {@code error_description} (e.g. patient_number). */
    Map<String, Object> parameters() {
        return parameters;
    }
}
