package org.sscard.auth.login;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.sscard.common.tls.PlatformTrust;

/**
 * The card-login connector beside the main one: TLS 1.2 and 1.3, the client certificate <b>required</b> in the
 * handshake (TLS 1.3 cannot ask for it later), the server's key and certificate from the same SSL bundle, and as the
 * only trusted issuer of client certificates the platform CA root ({@code <data-dir>/tls/ca-root.pem}).
 */
@Component
class CardLoginConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final CardLoginProperties properties;
    private final SslBundles bundles;
    private final Path caRoot;

    CardLoginConnector(CardLoginProperties properties, SslBundles bundles, @Value("${sscard.data-dir}") Path dataDir) {
        this.properties = properties;
        this.bundles = bundles;
        this.caRoot = PlatformTrust.caRoot(dataDir);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addAdditionalTomcatConnectors(connector());
    }

    private Connector connector() {
        if (!Files.isRegularFile(caRoot)) {
            throw new IllegalStateException("card login needs the platform CA root at " + caRoot
                    + ": the card issuer writes it at its first start");
        }
        SslBundle bundle = bundles.getBundle(properties.sslBundle());
        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(properties.port());
        connector.setScheme("https");
        connector.setSecure(true);
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        protocol.setSSLEnabled(true);
        SSLHostConfig tls = new SSLHostConfig();
        tls.setProtocols("TLSv1.2+TLSv1.3");
        tls.setCertificateVerification("required");
        tls.setTrustStore(PlatformTrust.keyStore(caRoot));
        SSLHostConfigCertificate certificate =
                new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystore(bundle.getStores().getKeyStore());
        String storePassword = bundle.getStores().getKeyStorePassword();
        certificate.setCertificateKeystorePassword(storePassword == null ? "" : storePassword);
        if (bundle.getKey().getPassword() != null) {
            certificate.setCertificateKeyPassword(bundle.getKey().getPassword());
        }
        if (bundle.getKey().getAlias() != null) {
            certificate.setCertificateKeyAlias(bundle.getKey().getAlias());
        }
        tls.addCertificate(certificate);
        protocol.addSslHostConfig(tls);
        return connector;
    }
}
