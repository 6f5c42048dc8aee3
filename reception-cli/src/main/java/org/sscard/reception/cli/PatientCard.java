package org.sscard.reception.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * The patient's card certificate, never with the patient's PIN: from a file (PEM or DER, e.g. the demo's
 * {@code <card>.pem}) or from the card itself (the public certificate object of its PKCS#11 token). A card certificate
 * is public: it says which card, not that the patient is present (docs/security.md).
 */
final class PatientCard {

    private PatientCard() {}

    static X509Certificate fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                            .map(X509Certificate.class::cast)
                            .toList();
            return theCardCertificate(certificates, file.toString());
        } catch (NoSuchFileException e) {
            throw new UsageException("no card certificate file " + file);
        } catch (IOException | GeneralSecurityException e) {
            throw new UsageException("cannot read a certificate (PEM or DER) from " + file);
        }
    }

    static X509Certificate fromToken(Path library, int slotIndex) {
        return theCardCertificate(TokenCertificates.read(library, slotIndex), "the card in slot index " + slotIndex);
    }

    /**
     * The card's own certificate: the one end-entity certificate (a token or file may also hold its CA
     * certificates), or the only certificate there is (the platform then judges it). Several is an error rather
     * than a guess.
     */
    static X509Certificate theCardCertificate(List<X509Certificate> certificates, String where) {
        List<X509Certificate> endEntities =
                certificates.stream().filter(c -> c.getBasicConstraints() < 0).toList();
        if (endEntities.isEmpty() && certificates.size() == 1) {
            return certificates.get(0);
        }
        if (endEntities.size() != 1) {
            throw new CliFailure(
                    ExitCodes.ERROR,
                    (endEntities.isEmpty() ? "no card certificate in " : "several card certificates in ") + where);
        }
        return endEntities.get(0);
    }

    /** PEM text, as the desk's API takes it. */
    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
