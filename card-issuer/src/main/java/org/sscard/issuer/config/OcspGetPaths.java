package org.sscard.issuer.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.sscard.issuer.revocation.OcspProperties;

/**
 * The two connectors' rules. {@link ConnectorRouting} runs first, so each port answers only its own paths. RFC 6960
 * appendix A puts the URL-encoded base64 OCSP request in the path, so a '/' of base64 arrives as %2F — and the
 * JDK's own OCSP client (PKIXRevocationChecker) sends short requests exactly so, as GET. The publication connector
 * passes %2F through undecoded ({@link PublicationConnector}), and only {@code GET /ocsp/...} on that port is let
 * past Spring Security's firewall with encoded slashes and percents; every other request keeps the strict rules.
 */
@Configuration
class OcspGetPaths {

    @Bean
    FilterRegistrationBean<ConnectorRouting> connectorRouting(
            PublicationProperties publication, OcspProperties limits, ObjectMapper json) {
        FilterRegistrationBean<ConnectorRouting> registration =
                new FilterRegistrationBean<>(new ConnectorRouting(publication.port(), limits.maxRequestBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebSecurityCustomizer ocspGetFirewall(PublicationProperties publication) {
        return web -> web.httpFirewall(new OcspAwareFirewall(publication.port()));
    }

    private static final class OcspAwareFirewall implements HttpFirewall {

        private final StrictHttpFirewall strict = new StrictHttpFirewall();
        private final StrictHttpFirewall ocspGet = new StrictHttpFirewall();
        private final int publicationPort;

        OcspAwareFirewall(int publicationPort) {
            this.publicationPort = publicationPort;
            ocspGet.setAllowUrlEncodedSlash(true);
            // base64 has "//" in a few percent of requests: without this the JDK's client got a 400 now and then
            ocspGet.setAllowUrlEncodedDoubleSlash(true);
            ocspGet.setAllowUrlEncodedPercent(true);
        }

        @Override
        public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
            boolean ocsp = "GET".equals(request.getMethod())
                    && request.getLocalPort() == publicationPort
                    && request.getRequestURI().startsWith(request.getContextPath() + "/ocsp/");
            return (ocsp ? ocspGet : strict).getFirewalledRequest(request);
        }

        @Override
        public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
            return strict.getFirewalledResponse(response);
        }
    }
}
