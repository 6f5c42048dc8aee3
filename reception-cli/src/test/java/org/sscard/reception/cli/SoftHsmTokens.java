package org.sscard.reception.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.sscard.testsupport.pki.Issued;

/**
 * A throwaway SoftHSM2 for this test JVM, with two tokens made before the JVM first loads the library (it reads
 * its token directory only then): a patient's card (its key, and its certificate and CA certificate as public
 * objects) and a clerk's staff token (key and certificate). Tokens are written with softhsm2-util and pkcs11-tool,
 * as a card issuer's desk would; the PINs are made here. reception-cli/pom.xml gives the surefire JVM
 * {@code SOFTHSM2_CONF=target/softhsm/softhsm2.conf}; this writes that file, pointing at a fresh temp directory.
 */
final class SoftHsmTokens {

    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    private static SoftHsmTokens instance;

    final Issued patientCard = TestCards.residentCard();
    final Issued staffCard = TestCards.staffCardCertificate();
    final String patientPin = digits(8);
    final String staffPin = digits(8);
    /** Slot indexes as pkcs11-tool --list-slots and SunPKCS11's slotListIndex count (SoftHSM orders by serial). */
    int patientSlot;

    int staffSlot;
    private final Map<String, String> environment;

    private SoftHsmTokens(Path configuration) {
        this.environment = Map.of("SOFTHSM2_CONF", configuration.toString());
    }

    static synchronized SoftHsmTokens get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    private static SoftHsmTokens create() {
        String configured = System.getenv("SOFTHSM2_CONF");
        if (configured == null || configured.isBlank() || configured.startsWith("/etc/")) {
            throw new IllegalStateException("SOFTHSM2_CONF must name a throwaway file for the test JVM (Maven sets"
                    + " it in reception-cli/pom.xml); without it the tests would use the machine's own tokens");
        }
        if (!Files.isReadable(LIBRARY)) {
            throw new IllegalStateException(LIBRARY + " is missing: apt-get install softhsm2 opensc");
        }
        try {
            Path configuration = Path.of(configured).toAbsolutePath();
            Path tokens = Files.createTempDirectory("reception-softhsm");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(tokens)));
            Files.createDirectories(configuration.getParent());
            Files.writeString(
                    configuration,
                    "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n"
                            + "slots.removable = false\n");
            SoftHsmTokens hsm = new SoftHsmTokens(configuration);
            Path work = Files.createTempDirectory(tokens, "objects");
            hsm.initialise("patient-card", hsm.patientPin);
            hsm.initialise("staff-token", hsm.staffPin);
            hsm.write("patient-card", hsm.patientPin, hsm.patientCard, work, true);
            hsm.write("staff-token", hsm.staffPin, hsm.staffCard, work, false);
            hsm.patientSlot = hsm.slotIndex("patient-card");
            hsm.staffSlot = hsm.slotIndex("staff-token");
            return hsm;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up SoftHSM for the tests", e);
        }
    }

    private void initialise(String label, String pin) {
        run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", digits(16), "--pin", pin);
    }

    /** The index of the token's slot in pkcs11-tool's list ("Slot N (0x...)" followed by its token label). */
    private int slotIndex(String label) {
        int index = -1;
        for (String line : run("pkcs11-tool", "--module", LIBRARY.toString(), "--list-slots")
                .split("\n")) {
            if (line.startsWith("Slot ")) {
                index = Integer.parseInt(line.substring(5, line.indexOf(' ', 5)));
            } else if (line.matches("\\s+token label\\s*:\\s*" + label + "\\s*")) {
                return index;
            }
        }
        throw new IllegalStateException("no token " + label);
    }

    private void write(String label, String pin, Issued card, Path work, boolean withCa) throws IOException {
        Path key =
                Files.write(work.resolve(label + "-key.der"), card.privateKey().getEncoded());
        Path certificate = Files.write(work.resolve(label + "-cert.der"), der(card));
        object(label, pin, key, "privkey", "01");
        object(label, pin, certificate, "cert", "01");
        if (withCa) {
            Path ca = Files.write(work.resolve(label + "-ca.der"), der(TestCards.CA));
            object(label, pin, ca, "cert", "02");
        }
    }

    private void object(String label, String pin, Path file, String type, String id) {
        run(
                "pkcs11-tool",
                "--module",
                LIBRARY.toString(),
                "--token-label",
                label,
                "--login",
                "--pin",
                pin,
                "--write-object",
                file.toString(),
                "--type",
                type,
                "--id",
                id,
                "--label",
                "sscard-" + type + "-" + id);
    }

    /** What the token shows without login (pkcs11-tool lists public objects only then). */
    String publicObjects(int slot) {
        return run("pkcs11-tool", "--module", LIBRARY.toString(), "--slot-index", String.valueOf(slot), "-O");
    }

    private static byte[] der(Issued issued) {
        try {
            return issued.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String run(String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", List.of(command[0], command[1])) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String digits(int count) {
        SecureRandom random = new SecureRandom();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
