package org.sscard.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Spools an upload to a file, never more than a limit: reading stops at the first byte beyond it, so an endless or
 * oversized body costs at most {@code max + 1} bytes of reading and {@code max} bytes of disk, and no memory beyond a
 * small buffer.
 */
public final class BoundedCopy {

    private BoundedCopy() {}

    /** The bytes copied, or {@code -1} if {@code in} holds more than {@code max} (then {@code target} is partial). */
    public static long copy(InputStream in, Path target, long max) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            while (true) {
                int wanted = (int) Math.min(buffer.length, max - copied + 1);
                int read = in.read(buffer, 0, wanted);
                if (read < 0) {
                    return copied;
                }
                if (copied + read > max) {
                    return -1;
                }
                out.write(buffer, 0, read);
                copied += read;
            }
        }
    }
}
