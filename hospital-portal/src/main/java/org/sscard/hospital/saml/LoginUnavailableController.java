package org.sscard.hospital.saml;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reached only when Spring's SAML filter had no registration to start a login with: the IdP's metadata has not
 * been read. Fail closed, with a page saying so (503), instead of a redirect loop.
 */
@RestController
class LoginUnavailableController {

    private final SamlRefusalHandler pages;

    LoginUnavailableController(SamlRefusalHandler pages) {
        this.pages = pages;
    }

    @GetMapping("/saml2/authenticate/{registrationId}")
    void unavailable(@PathVariable String registrationId, HttpServletResponse response) throws IOException {
        pages.render(response, SamlRefusal.IDP_UNAVAILABLE, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}
