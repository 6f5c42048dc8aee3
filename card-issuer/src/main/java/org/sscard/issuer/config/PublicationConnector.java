package org.sscard.issuer.config;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.sscard.issuer.revocation.OcspProperties;

/**
 * The second connector: plain HTTP on the publication port, beside the TLS connector of the issuing API. RFC 6960
 * appendix A puts the URL-encoded base64 OCSP request in the path, so a '/' of base64 arrives as %2F, which this
 * connector passes through undecoded (so it can never split or climb a path); the API's connector keeps Tomcat's
 * default and refuses it. {@link ConnectorRouting} decides what each connector may serve.
 */
@Component
class PublicationConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final PublicationProperties publication;
    private final OcspProperties limits;

    PublicationConnector(PublicationProperties publication, OcspProperties limits) {
        this.publication = publication;
        this.limits = limits;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(publication.port());
        connector.setScheme("http");
        connector.setSecure(false);
        connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        // nobody's body is read beyond the limit, not even to skip it: a longer one closes the connection
        connector.setMaxPostSize(limits.maxRequestBytes());
        ((Http11NioProtocol) connector.getProtocolHandler()).setMaxSwallowSize(limits.maxRequestBytes());
        factory.addAdditionalTomcatConnectors(connector);
    }
}
