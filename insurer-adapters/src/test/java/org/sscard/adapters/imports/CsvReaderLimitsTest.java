package org.sscard.adapters.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** An unterminated quote or an endless record stops the reading at the limit (issue 15, import limits). */
class CsvReaderLimitsTest {

    @Test
    void anUnterminatedQuoteStopsTheReadingAtTheFieldLimit() throws Exception {
        // a header, one good row, then a quote that never closes in a file without end
        Endless file = new Endless("a,b\r\n1,2\r\n3,\"", 'x');
        CsvReader csv = new CsvReader(file, 1000, 200);
        assertThat(csv.next().fields()).containsExactly("a", "b");
        assertThat(csv.next().fields()).containsExactly("1", "2");

        CsvReader.MalformedCsv refused = catchThrowableOfType(CsvReader.MalformedCsv.class, csv::next);

        assertThat(refused.line).isEqualTo(3);
        assertThat(refused.getMessage()).contains("unterminated quote").contains("1000 characters");
        // read no further than the field limit plus one buffer of the reader
        assertThat(file.supplied).isLessThan(1000 + 2 * (1 << 16));
    }

    @Test
    void aLongUnquotedValueAndTooManyFieldsAreRefusedToo() throws Exception {
        CsvReader.MalformedCsv longValue = catchThrowableOfType(
                CsvReader.MalformedCsv.class,
                () -> new CsvReader(new StringReader("x".repeat(1001)), 1000, 200).next());
        assertThat(longValue.getMessage()).contains("a value longer than 1000 characters");

        Endless commas = new Endless("", ',');
        CsvReader.MalformedCsv wide =
                catchThrowableOfType(CsvReader.MalformedCsv.class, () -> new CsvReader(commas, 1000, 200).next());
        assertThat(wide.getMessage()).contains("more than 200 fields");
        assertThat(commas.supplied).isLessThan(200 + 2 * (1 << 16));
    }

    @Test
    void aFieldAtTheLimitIsRead() throws Exception {
        String value = "y".repeat(1000);
        assertThat(new CsvReader(new StringReader("\"" + value + "\"\r\n"), 1000, 200)
                        .next()
                        .fields())
                .containsExactly(value);
    }

    /** A prefix, then one character forever; counts the characters handed out. */
    private static final class Endless extends Reader {
        private final String prefix;
        private final char filler;
        long supplied;

        Endless(String prefix, char filler) {
            this.prefix = prefix;
            this.filler = filler;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = supplied < prefix.length() ? prefix.charAt((int) supplied) : filler;
                supplied++;
            }
            return length;
        }

        @Override
        public void close() {}
    }
}
