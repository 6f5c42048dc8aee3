package org.sscard.auth.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.opensaml.security.x509.BasicX509Credential;

/**
 * A real third-party SAML SP for the interoperability test: Apache httpd with mod_shib and shibd (Debian
 * {@code apache2}, {@code libapache2-mod-shib}), installed with apt-get if missing, configured from
 * {@code src/test/shibboleth/} into a temporary folder (never /etc), listening on loopback only, and stopped after.
 */
final class ShibbolethSp implements AutoCloseable {

    private static final Path TEMPLATES = Path.of("src/test/shibboleth");

    final int port = freePort();
    final String base = "http://127.0.0.1:" + port;
    final String entityId = base + "/shibboleth";
    final String acsUrl = base + "/Shibboleth.sso/SAML2/POST";
    private final Path dir;
    private Process shibd;
    private Process httpd;

    private ShibbolethSp(Path dir) {
        this.dir = dir;
    }

    /** Installs the packages if needed, writes the configuration with the IdP's metadata, starts both daemons. */
    static ShibbolethSp start(String idpEntityId, String idpMetadata) throws Exception {
        installIfMissing();
        Path dir = Files.createTempDirectory("sscard-shibboleth");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        ShibbolethSp sp = new ShibbolethSp(dir);
        Map<String, String> values = Map.of(
                "@DIR@",
                dir.toString(),
                "@PORT@",
                String.valueOf(sp.port),
                "@SP_ENTITY_ID@",
                sp.entityId,
                "@IDP_ENTITY_ID@",
                idpEntityId);
        for (String name : List.of(
                "shibboleth2.xml", "attribute-map.xml", "shibd.logger", "native.logger", "httpd.conf", "whoami.cgi")) {
            String text = Files.readString(TEMPLATES.resolve(name), StandardCharsets.UTF_8);
            for (var value : values.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            Path file = dir.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(
                    file, PosixFilePermissions.fromString(name.endsWith(".cgi") ? "rwxr-xr-x" : "rw-r--r--"));
        }
        Files.createDirectories(dir.resolve("htdocs"));
        Files.writeString(dir.resolve("idp-metadata.xml"), idpMetadata, StandardCharsets.UTF_8);
        sp.writeKey();
        try {
            sp.shibd = sp.run(
                    "shibd",
                    "/usr/sbin/shibd",
                    "-F",
                    "-f",
                    "-c",
                    dir.resolve("shibboleth2.xml").toString(),
                    "-p",
                    dir.resolve("shibd.pid").toString());
            sp.await(() -> Files.exists(dir.resolve("shibd.sock")), "shibd's socket");
            Files.setPosixFilePermissions(dir.resolve("shibd.sock"), PosixFilePermissions.fromString("rw-rw-rw-"));
            sp.httpd = sp.run(
                    "httpd",
                    "/usr/sbin/apache2",
                    "-f",
                    dir.resolve("httpd.conf").toString(),
                    "-DFOREGROUND");
            sp.await(sp::listening, "httpd on port " + sp.port);
            return sp;
        } catch (Exception | AssertionError e) {
            sp.close();
            throw e;
        }
    }

    /** What went wrong, for a failing assertion's message. */
    String logs() {
        StringBuilder logs = new StringBuilder();
        for (String name : List.of("shibd.out", "shibd.log", "httpd.out", "error.log", "native.log")) {
            try {
                Path file = dir.resolve(name);
                if (Files.exists(file)) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    logs.append("--- ")
                            .append(name)
                            .append('\n')
                            .append(text, Math.max(0, text.length() - 4000), text.length())
                            .append('\n');
                }
            } catch (IOException e) {
                logs.append(name).append(": ").append(e).append('\n');
            }
        }
        return logs.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : new Process[] {httpd, shibd}) {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static void installIfMissing() throws Exception {
        if (Files.isExecutable(Path.of("/usr/sbin/shibd"))
                && Files.isExecutable(Path.of("/usr/sbin/apache2"))
                && Files.exists(Path.of("/usr/lib/apache2/modules/mod_shib.so"))) {
            return;
        }
        String sudo = "root".equals(System.getProperty("user.name")) ? "" : "sudo ";
        Process install = new ProcessBuilder(
                        "sh",
                        "-c",
                        sudo + "apt-get update -qq && DEBIAN_FRONTEND=noninteractive " + sudo
                                + "apt-get install -y -qq apache2 libapache2-mod-shib")
                .inheritIO()
                .start();
        assertThat(install.waitFor(10, TimeUnit.MINUTES) && install.exitValue() == 0)
                .as("apt-get install apache2 libapache2-mod-shib")
                .isTrue();
    }

    private void writeKey() throws IOException {
        BasicX509Credential credential = TestSp.newCredential();
        StringWriter key = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(key)) {
            writer.writeObject(credential.getPrivateKey());
        }
        StringWriter certificate = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(certificate)) {
            writer.writeObject(credential.getEntityCertificate());
        }
        Path keyFile = dir.resolve("sp-key.pem");
        Files.writeString(keyFile, key.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("sp-cert.pem"), certificate.toString(), StandardCharsets.UTF_8);
    }

    /**
     * In a session of its own: httpd's prefork MPM signals its whole process group when it stops, which would
     * otherwise be this JVM's (and the build's).
     */
    private Process run(String name, String... command) throws IOException {
        List<String> inOwnSession = new java.util.ArrayList<>(List.of("/usr/bin/setsid"));
        inOwnSession.addAll(List.of(command));
        return new ProcessBuilder(inOwnSession)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .start();
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    private void await(Condition condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.holds()) {
            assertThat(shibd.isAlive() && (httpd == null || httpd.isAlive()))
                    .as("daemons running while waiting for " + what + "\n" + logs())
                    .isTrue();
            assertThat(Instant.now()).as("waiting for " + what + "\n" + logs()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
