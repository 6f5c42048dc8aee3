package org.sscard.reception.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Standard input, one item per line: the clerk's PIN, then (check-ssn) the provisional SSN and the date of birth.
 * The PIN is kept in a {@code char[]} that the caller clears after use, never in a String (which stays in memory
 * until collected); lines are read a character at a time so that nothing beyond them is buffered.
 */
final class StandardInput {

    private static final int MAX_LINE = 256;

    private final Reader reader;

    StandardInput(InputStream stdin) {
        this.reader = new InputStreamReader(stdin, StandardCharsets.UTF_8);
    }

    /** The next line as characters (without the line end), or a usage error naming what was expected. */
    char[] secretLine(String what) {
        char[] buffer = new char[MAX_LINE];
        int length = 0;
        try {
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                if (length == MAX_LINE) {
                    Arrays.fill(buffer, '\0');
                    throw new UsageException(what + " on standard input is too long");
                }
                buffer[length++] = (char) c;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            buffer[--length] = '\0';
        }
        char[] line = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        if (line.length == 0) {
            throw new UsageException("expected " + what + " on its own line of standard input");
        }
        return line;
    }

    /** A line that is personal but not secret (SSN, date of birth), stripped. */
    String line(String what) {
        char[] line = secretLine(what);
        String text = new String(line).strip();
        Arrays.fill(line, '\0');
        if (text.isEmpty()) {
            throw new UsageException("expected " + what + " on its own line of standard input");
        }
        return text;
    }
}
