package org.sscard.desk.api;

import java.util.Base64;

/** A certificate's DER as PEM text, as a desk PC's file would hold it. */
public final class PemText {

    private PemText() {}

    public static String of(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
