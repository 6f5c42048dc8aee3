package org.sscard.common.audit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, and the chain's link hash. */
final class Sha256 {

    static final int LENGTH = 32;

    /** The previous hash of the first link a chain ever made: 32 zero bytes. */
    static final byte[] GENESIS = new byte[LENGTH];

    private Sha256() {}

    static byte[] of(byte[] data) {
        return digest().digest(data);
    }

    /** SHA-256(prev link_hash || row_hash || seq as 8 bytes, big-endian). */
    static byte[] link(byte[] previous, byte[] rowHash, long seq) {
        MessageDigest digest = digest();
        digest.update(previous);
        digest.update(rowHash);
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
        return digest.digest();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
