package org.sscard.auth.support;

import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.sscard.testsupport.pki.Issued;

/** A card: its certificate, the chain it presents (card, issuing CA) and its key, usable as a TLS client. */
public record Card(
        X509Certificate certificate, List<X509Certificate> chain, PrivateKey key, X509Certificate trustedRoot) {

    /** A card as the test PKI issued it, presented to a server that trusts {@code trustedRoot}. */
    public static Card of(Issued issued, X509Certificate trustedRoot) {
        return new Card(issued.certificate(), issued.chain(), issued.privateKey(), trustedRoot);
    }

    public String serialHex() {
        return certificate.getSerialNumber().toString(16);
    }

    /**
     * A TLS context presenting this card whatever CAs the server asks for (as a card reader does), so that the
     * server's refusal is what a test sees, not the client's choice.
     */
    public SSLContext clientContext() {
        return context(new KeyManager[] {new CardKeyManager()}, trustedRoot);
    }

    /** A TLS client without any card. */
    public static SSLContext noCard(X509Certificate trustedRoot) {
        return context(null, trustedRoot);
    }

    private static SSLContext context(KeyManager[] keyManagers, X509Certificate trustedRoot) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("root", trustedRoot);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance("PKIX");
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final class CardKeyManager extends X509ExtendedKeyManager {

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return "card";
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "card";
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"card"};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain.toArray(X509Certificate[]::new);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
