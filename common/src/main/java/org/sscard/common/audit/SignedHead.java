package org.sscard.common.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The head a service signed last ({@code last-signed-head} beside its audit key: {@code <seq> <link hash hex>}),
 * outside the database. Without it, someone with the database owner's rights could delete every checkpoint, rewrite
 * the chain from the start and wait for the service to sign the forgery; with it, the service signs only a chain
 * that still holds this head and continues from it, and the verifier checks the chain against it too.
 */
record SignedHead(long seq, byte[] linkHash) {

    static final String FILE = "last-signed-head";

    static Optional<SignedHead> read(Path keyDirectory) throws IOException {
        Path file = keyDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String[] parts =
                Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
        try {
            return Optional.of(
                    new SignedHead(Long.parseLong(parts[0]), HexFormat.of().parseHex(parts[1])));
        } catch (RuntimeException e) {
            throw new IOException("unreadable " + file + ": " + e.getMessage(), e);
        }
    }

    void write(Path keyDirectory) throws IOException {
        Path temp = Files.createTempFile(keyDirectory, FILE, ".tmp");
        Files.writeString(temp, seq + " " + HexFormat.of().formatHex(linkHash) + "\n", StandardCharsets.US_ASCII);
        Files.move(
                temp, keyDirectory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
