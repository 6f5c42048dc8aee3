package org.sscard.hospital.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of an extract as the parser reads them, refused as soon as a run without {@code <} grows longer than the
 * limit (an attribute value cannot contain {@code <}, and every tag starts with one, so this bounds every value and
 * every tag). The byte {@code <} is the same in UTF-8, Shift_JIS (never a trail byte) and UTF-16, so no decoding is
 * needed. Knows the line it is on for the report.
 */
final class ValueLengthLimit extends FilterInputStream {

    private final int max;
    private int run;
    private int line = 1;

    ValueLengthLimit(InputStream in, int max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = 0; i < read; i++) {
            count(buffer[offset + i]);
        }
        return read;
    }

    private void count(byte b) throws TooLong {
        if (b == '<') {
            run = 0;
            return;
        }
        if (b == '\n') {
            line++;
        }
        if (++run > max) {
            throw new TooLong(line, max);
        }
    }

    /** A value (or a tag) longer than the limit: reading stopped at {@code line}. */
    static final class TooLong extends IOException {
        final int line;

        TooLong(int line, int max) {
            super(
                    "a value longer than " + max
                            + " bytes (an unterminated quote, or sscard.hospital.import-limits.max-value-bytes); reading stopped");
            this.line = line;
        }
    }
}
