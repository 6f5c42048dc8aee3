package org.sscard.common.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedCopyTest {

    @TempDir
    Path dir;

    @Test
    void copiesABodyWithinTheLimit() throws Exception {
        Path target = dir.resolve("in");
        assertThat(BoundedCopy.copy(new ByteArrayInputStream(new byte[1000]), target, 1000))
                .isEqualTo(1000);
        assertThat(Files.size(target)).isEqualTo(1000);
    }

    @Test
    void stopsReadingAnEndlessBodyJustPastTheLimit() throws Exception {
        Endless endless = new Endless();
        Path target = dir.resolve("in");

        assertThat(BoundedCopy.copy(endless, target, 100_000)).isEqualTo(-1);

        assertThat(endless.read).isEqualTo(100_001);
        assertThat(Files.size(target)).isLessThanOrEqualTo(100_000);
    }

    /** An upload that never ends, counting what was read of it. */
    private static final class Endless extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'A';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'A');
            read += len;
            return len;
        }
    }
}
