package org.sscard.issuer.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * RFC 6960 appendix A puts the URL-encoded base64 OCSP request in the path, so a '/' of base64 arrives as %2F —
 * and the JDK's own OCSP client (PKIXRevocationChecker) sends short requests exactly so, as GET. By default
 * Tomcat answers such a path 400 and Spring Security's firewall rejects it too. Tomcat now passes %2F through
 * undecoded (so it can never split or climb a path), and only {@code GET /ocsp/...} is let past the firewall
 * with encoded slashes and percents; every other request keeps the strict rules.
 */
@Configuration
class OcspGetPaths {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> keepEncodedSlashesEncoded() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    WebSecurityCustomizer ocspGetFirewall() {
        return web -> web.httpFirewall(new OcspAwareFirewall());
    }

    private static final class OcspAwareFirewall implements HttpFirewall {

        private final StrictHttpFirewall strict = new StrictHttpFirewall();
        private final StrictHttpFirewall ocspGet = new StrictHttpFirewall();

        OcspAwareFirewall() {
            ocspGet.setAllowUrlEncodedSlash(true);
            // base64 has "//" in a few percent of requests: without this the JDK's client got a 400 now and then
            ocspGet.setAllowUrlEncodedDoubleSlash(true);
            ocspGet.setAllowUrlEncodedPercent(true);
        }

        @Override
        public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
            boolean ocsp = "GET".equals(request.getMethod())
                    && request.getRequestURI().startsWith(request.getContextPath() + "/ocsp/");
            return (ocsp ? ocspGet : strict).getFirewalledRequest(request);
        }

        @Override
        public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
            return strict.getFirewalledResponse(response);
        }
    }
}
