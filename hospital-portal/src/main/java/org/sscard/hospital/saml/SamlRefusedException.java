package org.sscard.hospital.saml;

import org.springframework.security.saml2.core.Saml2Error;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticationException;

/** A Response refused by this SP's own checks; Spring's SAML filter hands it to the failure handler. */
class SamlRefusedException extends Saml2AuthenticationException {

    SamlRefusedException(SamlRefusal refusal, String detail) {
        super(new Saml2Error(refusal.name(), detail));
    }
}
