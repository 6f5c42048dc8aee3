package org.sscard.adapters.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A quick pass over the raw bytes before any row is read: the file's SHA-256 (a file imported before is
 * recognised without parsing it) and its charset — strict UTF-8 if every byte sequence decodes as UTF-8, else
 * Shift_JIS as windows-31j (Microsoft's, which Japanese office systems write), unless the caller named one.
 */
record Prescan(String sha256, Charset charset) {

    static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    static Prescan of(Path file, Charset given) throws IOException {
        MessageDigest digest = newDigest();
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean isUtf8 = given == null;
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(bytes.array(), bytes.position(), bytes.remaining())) != -1) {
                digest.update(bytes.array(), bytes.position(), read);
                bytes.position(bytes.position() + read);
                bytes.flip();
                isUtf8 = isUtf8 && decodes(utf8, bytes, chars, false);
                // an incomplete sequence at the buffer's end stays for the next read
                bytes.compact();
                if (!isUtf8) {
                    bytes.clear();
                }
            }
            bytes.flip();
            isUtf8 = isUtf8 && decodes(utf8, bytes, chars, true);
        }
        Charset charset = given != null ? given : isUtf8 ? StandardCharsets.UTF_8 : SHIFT_JIS;
        return new Prescan(HexFormat.of().formatHex(digest.digest()), charset);
    }

    private static boolean decodes(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end) {
        while (true) {
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, end);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
