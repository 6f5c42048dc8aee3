package org.sscard.auth.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The NIST PKITS data in this module's test resources ({@code src/test/resources/pkits}, see its README) and its
 * manifest. Read from the test classpath only: a clone has everything it needs, and missing data is an error.
 */
public final class PkitsData {

    /** The cases {@code manifest.json} lists (PKITS 4.1–4.12 and 4.14–4.16, less 4.3.1–4.3.2): a shorter copy fails. */
    static final int MANIFEST_CASES = 172;

    private static final String RESOURCE = "/pkits/manifest.json";

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

    /** The folder on the test classpath; throws (never skips) when it is not there. */
    public static PkitsData fromTestResources() {
        URL manifest = PkitsData.class.getResource(RESOURCE);
        if (manifest == null) {
            throw new IllegalStateException("PKITS data missing: no " + RESOURCE + " on the test classpath (it belongs"
                    + " in auth-service/src/test/resources/pkits, see the README there)");
        }
        try {
            return new PkitsData(Path.of(manifest.toURI()).getParent());
        } catch (URISyntaxException | FileSystemNotFoundException notAFile) {
            throw new IllegalStateException("PKITS data at " + manifest + " is not a folder", notAFile);
        }
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

    /** Every file the cases name that the folder lacks: a truncated copy. */
    List<Path> missingFiles(List<Case> cases) {
        List<Path> missing = new ArrayList<>();
        missing.add(trustAnchor());
        for (Case c : cases) {
            missing.add(cert(c.endEntity()));
            c.intermediates().forEach(name -> missing.add(cert(name)));
            c.crls().forEach(name -> missing.add(crl(name)));
        }
        missing.removeIf(Files::isRegularFile);
        return missing.stream().distinct().toList();
    }

    Path trustAnchor() {
        return cert("TrustAnchorRootCertificate.crt");
    }

    public Path cert(String name) {
        return root.resolve("certs").resolve(name);
    }

    public Path crl(String name) {
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
