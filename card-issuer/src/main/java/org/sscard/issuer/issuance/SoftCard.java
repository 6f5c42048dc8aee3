package org.sscard.issuer.issuance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;

/** A soft card: the card's key and certificate chain in a PKCS#12 file protected by the holder's PIN. */
public final class SoftCard {

    public static final String ALIAS = "sscard-card";

    private SoftCard() {}

    /** PINs are 4 to 16 digits, like an IC card's; nothing else is accepted. */
    public static void requireValidPin(String pin) {
        if (pin == null || !pin.matches("\\d{4,16}")) {
            throw new IssuerException(IssuerError.WEAK_PIN, "a PIN is 4 to 16 digits");
        }
    }

    public static byte[] pkcs12(IssuedCard card, String pin) {
        requireValidPin(pin);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    ALIAS, card.softKey(), pin.toCharArray(), card.chain().toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, pin.toCharArray());
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot write the soft card", e);
        }
    }
}
