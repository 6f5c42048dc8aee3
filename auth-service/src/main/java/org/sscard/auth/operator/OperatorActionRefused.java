package org.sscard.auth.operator;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A refused operator-action request: why, and a description without personal data for the console's log. */
final class OperatorActionRefused extends OAuth2AuthenticationException {

    private final OperatorRefusal refusal;

    OperatorActionRefused(OperatorRefusal refusal, String description) {
        super(new OAuth2Error(refusal.error(), description, null), description);
        this.refusal = refusal;
    }

    OperatorRefusal refusal() {
        return refusal;
    }
}
