package org.sscard.adapters.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a character stream: comma-separated, fields optionally in double quotes (a quoted field
 * may hold commas, doubled quotes and line breaks), CRLF or LF. Each record knows the line it starts on, which is
 * what the import report names. A byte-order mark before the header is dropped. A field longer than
 * {@code maxFieldLength} characters (an unterminated quote swallows the rest of the file into one field) or a record
 * of more than {@code maxFields} fields stops the reading there: memory stays bounded whatever the file holds.
 */
final class CsvReader {

    record Record(long line, List<String> fields) {}

    private final Reader in;
    private final int maxFieldLength;
    private final int maxFields;
    private final char[] buffer = new char[1 << 16];
    private int length;
    private int position;
    private long line = 1;
    private boolean first = true;

    CsvReader(Reader in, int maxFieldLength, int maxFields) {
        this.in = in;
        this.maxFieldLength = maxFieldLength;
        this.maxFields = maxFields;
    }

    /** The next record, or null at the end; a blank line is no record. */
    Record next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (first && c == '\uFEFF') {
                first = false;
                continue;
            }
            first = false;
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            return record(c);
        }
    }

    private Record record(int c) throws IOException {
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    throw new MalformedCsv(start, "閉じていない引用符 / unterminated quoted field");
                }
                fields.add(field.toString());
                return new Record(start, fields);
            }
            if (quoted) {
                if (c == '"') {
                    int following = peek();
                    if (following == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (fields.size() >= maxFields) {
                    throw new MalformedCsv(
                            start, "列が多すぎます / more than " + maxFields + " fields in one record; reading stopped");
                }
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                fields.add(field.toString());
                return new Record(start, fields);
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            if (field.length() > maxFieldLength) {
                throw new MalformedCsv(
                        start,
                        (quoted ? "閉じていない引用符か長すぎる値です / an unterminated quote or a value" : "長すぎる値です / a value")
                                + " longer than " + maxFieldLength + " characters; reading stopped");
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (position == length) {
            length = in.read(buffer, 0, buffer.length);
            position = 0;
            if (length <= 0) {
                length = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c != -1) {
            position--;
        }
        return c;
    }

    /** The file cannot be split into records at all (a quote never closed). */
    static final class MalformedCsv extends IOException {
        final long line;

        MalformedCsv(long line, String reason) {
            super(reason);
            this.line = line;
        }
    }
}
