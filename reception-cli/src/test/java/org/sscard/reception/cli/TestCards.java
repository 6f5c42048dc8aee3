package org.sscard.reception.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/** Certificates for the tests: a CA, a resident card issued by it, a staff soft card (PKCS#12 with a PIN). */
final class TestCards {

    static final Issued CA =
            TestPki.certificate("CN=reception-cli test CA").ca().issue();

    private TestCards() {}

    static Issued residentCard() {
        return TestPki.certificate("SERIALNUMBER=" + "1".repeat(44))
                .issuedBy(CA)
                .issue();
    }

    static Path trustAnchor(Path dir) {
        return write(dir.resolve("ca-root.pem"), PatientCard.pem(CA.certificate()));
    }

    static Path pem(Path file, Issued issued) {
        return write(file, PatientCard.pem(issued.certificate()));
    }

    static Issued staffCardCertificate() {
        return TestPki.certificate("CN=試験 職員, OU=RECEPTION_CLERK, O=test-hospital")
                .issuedBy(CA)
                .issue();
    }

    static Path staffCard(Path file, String pin) {
        Issued staff = staffCardCertificate();
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "staff",
                    staff.privateKey(),
                    pin.toCharArray(),
                    staff.chain().toArray(new Certificate[0]));
            store.store(out, pin.toCharArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
