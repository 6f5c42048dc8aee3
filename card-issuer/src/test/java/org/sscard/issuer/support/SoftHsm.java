package org.sscard.issuer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throwaway SoftHSM2 for this test JVM: its own {@code softhsm2.conf} and token directory, a pool of tokens with
 * PINs generated here (never committed), and a way to run {@code softhsm2-util}/{@code pkcs11-tool} against it.
 *
 * <p>Why a pool made up front: libsofthsm2 reads {@code SOFTHSM2_CONF} from the environment of the process that
 * loads it, and it reads the token directory only once, when the JVM's SunPKCS11 first initialises the library. A
 * token that {@code softhsm2-util} creates later is invisible to this JVM, and creating one renumbers the slot
 * list (slots are ordered by an ID derived from each token's serial). So every token this JVM will use is created
 * before any test touches the library, and slot indexes never change afterwards.
 *
 * <p>A JVM cannot change its own environment, so card-issuer/pom.xml gives the surefire JVM
 * {@code SOFTHSM2_CONF=target/softhsm/softhsm2.conf}; this fixture writes that file (pointing at a fresh temp
 * directory) before first use, and passes the same variable to the tools it starts.
 */
public final class SoftHsm {

    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final int POOL_SIZE = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static SoftHsm instance;

    /** One initialised token: its label, its index in the PKCS#11 slot list, its serial number and user PIN. */
    public record Token(String label, int slotIndex, String serial, String pin) {}

    private final Path configuration;
    private final List<Token> tokens;
    private final Deque<Token> unclaimed;

    private SoftHsm(Path configuration, List<Token> tokens) {
        this.configuration = configuration;
        this.tokens = List.copyOf(tokens);
        this.unclaimed = new ArrayDeque<>(tokens);
    }

    /** The JVM's SoftHSM, created with its whole token pool on first call. */
    public static synchronized SoftHsm get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    /** A token no other test has used. */
    public synchronized Token claim() {
        if (unclaimed.isEmpty()) {
            throw new IllegalStateException("all " + POOL_SIZE + " SoftHSM test tokens are in use: raise POOL_SIZE");
        }
        return unclaimed.pop();
    }

    public Token token(String label) {
        return tokens.stream()
                .filter(token -> token.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SoftHSM test token " + label));
    }

    public int slotIndex(String label) {
        return token(label).slotIndex();
    }

    public String pin(String label) {
        return token(label).pin();
    }

    public Path library() {
        return LIBRARY;
    }

    /** Runs a tool (softhsm2-util, pkcs11-tool) against this SoftHSM; returns its output or fails with it. */
    public String run(String... command) {
        return Processes.run(Map.of("SOFTHSM2_CONF", configuration.toString()), command);
    }

    private static SoftHsm create() {
        String configured = System.getenv("SOFTHSM2_CONF");
        if (configured == null || configured.isBlank() || configured.startsWith("/etc/")) {
            throw new IllegalStateException("SOFTHSM2_CONF must name a throwaway file for the test JVM (Maven sets"
                    + " it in card-issuer/pom.xml); without it the tests would use the machine's own tokens");
        }
        if (!Files.isReadable(LIBRARY)) {
            throw new IllegalStateException(LIBRARY + " is missing: apt-get install softhsm2 opensc (bin/test does)");
        }
        try {
            Path configuration = Path.of(configured).toAbsolutePath();
            Path tokenDirectory = Files.createTempDirectory("sscard-softhsm");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(tokenDirectory)));
            Files.createDirectories(configuration.getParent());
            Files.writeString(
                    configuration,
                    String.join(
                            "\n",
                            "directories.tokendir = " + tokenDirectory,
                            "objectstore.backend = file",
                            "log.level = ERROR",
                            "slots.removable = false",
                            ""));
            SoftHsm initialising = new SoftHsm(configuration, List.of());
            Map<String, String> pins = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= POOL_SIZE; i++) {
                String label = "sscard-test-" + i;
                pins.put(label, digits(8));
                initialising.run(
                        "softhsm2-util",
                        "--init-token",
                        "--free",
                        "--label",
                        label,
                        "--so-pin",
                        digits(16),
                        "--pin",
                        pins.get(label));
            }
            List<Token> tokens = new ArrayList<>();
            SlotList.read(initialising.run("pkcs11-tool", "--module", LIBRARY.toString(), "--list-slots"))
                    .forEach(slot -> {
                        if (pins.containsKey(slot.label())) {
                            tokens.add(new Token(slot.label(), slot.index(), slot.serial(), pins.get(slot.label())));
                        }
                    });
            tokens.sort(Comparator.comparing(Token::label));
            return new SoftHsm(configuration, tokens);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up SoftHSM for the tests", e);
        }
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
