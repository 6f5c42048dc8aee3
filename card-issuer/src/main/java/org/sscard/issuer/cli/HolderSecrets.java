package org.sscard.issuer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The two secrets of an issuance, one per line: the holder's 44-digit personal ID, then the card PIN. Read from
 * stdin or from a file (--input), never from the command line, which {@code ps} shows to everyone.
 */
record HolderSecrets(String personalId, String pin) {

    @Override
    public String toString() {
        return "HolderSecrets[redacted]";
    }

    static HolderSecrets read(Optional<String> inputFile, InputStream stdin) {
        String[] lines = twoLines(inputFile, stdin, "the personal ID", "the PIN");
        return new HolderSecrets(lines[0], lines[1]);
    }

    /** Two secrets, one per line, from {@code --input FILE} or else stdin. */
    static String[] twoLines(Optional<String> inputFile, InputStream stdin, String first, String second) {
        try (BufferedReader reader = inputFile.isPresent()
                ? Files.newBufferedReader(Path.of(inputFile.get()), StandardCharsets.UTF_8)
                : new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
            return new String[] {line(reader, first), line(reader, second)};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + first + " and " + second, e);
        }
    }

    private static String line(BufferedReader reader, String what) throws IOException {
        String line = reader.readLine();
        if (line == null || line.isBlank()) {
            throw new CliArguments.UsageException("expected " + what + " on its own line (stdin or --input)");
        }
        return line.strip();
    }
}
