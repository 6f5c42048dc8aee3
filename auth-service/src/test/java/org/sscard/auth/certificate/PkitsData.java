package org.sscard.auth.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The NIST PKITS folder (../shared/conformance/pkits beside the repository) and its manifest. */
final class PkitsData {

    record Case(
            String id,
            String section,
            String endEntity,
            List<String> intermediates,
            List<String> crls,
            String expected,
            String rejectKind) {}

    private final Path root;

    private PkitsData(Path root) {
        this.root = root;
    }

    /** Walks up from the working directory to a folder holding {@code shared/conformance/pkits}. */
    static Optional<PkitsData> locate() {
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
                dir != null;
                dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/conformance/pkits");
            if (Files.isRegularFile(candidate.resolve("manifest.json"))) {
                return Optional.of(new PkitsData(candidate));
            }
        }
        return Optional.empty();
    }

    Path root() {
        return root;
    }

    List<Case> cases() throws IOException {
        JsonNode manifest =
                new ObjectMapper().readTree(root.resolve("manifest.json").toFile());
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : manifest.get("cases")) {
            cases.add(new Case(
                    c.get("id").asText(),
                    c.get("section").asText(),
                    c.get("endEntity").asText(),
                    strings(c.get("intermediates")),
                    strings(c.get("crls")),
                    c.get("expected").asText(),
                    c.get("rejectKind").isNull() ? null : c.get("rejectKind").asText()));
        }
        return cases;
    }

    Path trustAnchor() {
        return cert("TrustAnchorRootCertificate.crt");
    }

    Path cert(String name) {
        return root.resolve("certs").resolve(name);
    }

    Path crl(String name) {
        return root.resolve("crls").resolve(name);
    }

    static X509Certificate readCert(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static X509CRL readCrl(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
