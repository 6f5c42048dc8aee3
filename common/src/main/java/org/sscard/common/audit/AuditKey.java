package org.sscard.common.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A service's audit key, ECDSA P-256, which signs its chain's checkpoints. Made at the service's first start into
 * {@code <data-dir>/audit/<service>/}, apart from the TLS and token keys: {@code signing-key.pem} holds the private
 * and the public key and is readable by its owner only (as is the folder); {@code signing-key.pub.pem} is the public
 * key the verifier reads. Two instances starting at once agree on one key: the private file appears whole, by a hard
 * link, or not at all.
 */
public final class AuditKey {

    static final String PRIVATE_FILE = "signing-key.pem";
    static final String PUBLIC_FILE = "signing-key.pub.pem";
    private static final String ALGORITHM = "SHA256withECDSA";

    private final Path directory;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AuditKey(Path directory, PrivateKey privateKey, PublicKey publicKey) {
        this.directory = directory;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The folder of a service's audit key in a platform's data directory. */
    public static Path directoryOf(Path dataDir, String service) {
        return dataDir.resolve("audit").resolve(service);
    }

    /** The key in {@code directory}, made first when there is none. */
    public static AuditKey loadOrCreate(Path directory) throws IOException, GeneralSecurityException {
        Path file = directory.resolve(PRIVATE_FILE);
        if (!Files.exists(file)) {
            create(directory, file);
        }
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        KeyFactory factory = KeyFactory.getInstance("EC");
        AuditKey key = new AuditKey(
                directory,
                factory.generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(pem, "PRIVATE KEY"))),
                factory.generatePublic(new X509EncodedKeySpec(Pem.decode(pem, "PUBLIC KEY"))));
        Path publicFile = directory.resolve(PUBLIC_FILE);
        if (!Files.exists(publicFile)) {
            // the same content whoever writes it; a rename so that no reader sees half a file
            Path temp = Files.createTempFile(directory, PUBLIC_FILE, ".tmp");
            Files.writeString(temp, Pem.encode("PUBLIC KEY", key.publicKey.getEncoded()), StandardCharsets.US_ASCII);
            Files.move(temp, publicFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return key;
    }

    /** The public key the verifier checks a service's checkpoints with. */
    public static PublicKey publicKey(Path directory) throws IOException, GeneralSecurityException {
        String pem = Files.readString(directory.resolve(PUBLIC_FILE), StandardCharsets.US_ASCII);
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Pem.decode(pem, "PUBLIC KEY")));
    }

    /** Names the key in each checkpoint: the SHA-256 of its public key (SubjectPublicKeyInfo, DER), hex. */
    public static String idOf(PublicKey key) {
        return HexFormat.of().formatHex(Sha256.of(key.getEncoded()));
    }

    /** Where the key is, and beside it the head it signed last ({@link SignedHead}). */
    Path directory() {
        return directory;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String id() {
        return idOf(publicKey);
    }

    byte[] sign(byte[] payload) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(ALGORITHM);
        signature.initSign(privateKey);
        signature.update(payload);
        return signature.sign();
    }

    static boolean verifies(PublicKey key, byte[] payload, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(payload);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is a bad one
        }
    }

    private static void create(Path directory, Path file) throws IOException, GeneralSecurityException {
        if (!Files.exists(directory)) {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        Path temp = Files.createTempFile(
                directory,
                PRIVATE_FILE,
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(
                    temp,
                    Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded())
                            + Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()),
                    StandardCharsets.US_ASCII);
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // made by another instance a moment ago: use theirs
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** PEM blocks, with the JDK's Base64 only. */
    static final class Pem {

        private Pem() {}

        static String encode(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type
                    + "-----\n";
        }

        static byte[] decode(String pem, String type) throws GeneralSecurityException {
            String begin = "-----BEGIN " + type + "-----";
            String end = "-----END " + type + "-----";
            int from = pem.indexOf(begin);
            int to = pem.indexOf(end);
            if (from < 0 || to < from) {
                throw new GeneralSecurityException("no " + type + " in the audit key file");
            }
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        }
    }
}
