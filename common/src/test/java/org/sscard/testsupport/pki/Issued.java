package org.sscard.testsupport.pki;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate of the test PKI with its key pair and the chain a holder presents: the certificate first, then the
 * CAs above it up to, not including, the self-signed root (a root's own chain is just itself).
 */
public record Issued(X509Certificate certificate, KeyPair keys, List<X509Certificate> chain) {

    public Issued {
        chain = List.copyOf(chain);
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** The serial number in lower-case hex, as logs, audit rows and the relay's card records name it. */
    public String serialHex() {
        return certificate.getSerialNumber().toString(16);
    }

    /** Writes the chain (PEM, certificate first) and the PKCS#8 private key (PEM), as the card issuer does. */
    public void writePem(Path chainFile, Path keyFile) {
        StringBuilder pem = new StringBuilder();
        chain.forEach(certificate -> pem.append(Pem.certificate(certificate)));
        Pem.write(chainFile, pem.toString());
        Pem.write(keyFile, Pem.of("PRIVATE KEY", privateKey().getEncoded()));
    }
}
