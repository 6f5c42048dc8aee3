package org.sscard.issuer.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sscard.issuer.token.Pkcs11Session;

/** CA keys in a PKCS#11 HSM: generated on the token, non-extractable, used through the JDK's SunPKCS11. */
public class Pkcs11CaKeyStore implements CaKeyStore {

    private final Pkcs11Session session;
    private final String description;

    public Pkcs11CaKeyStore(CaProperties.Pkcs11 config) {
        if (config.pinFile() == null) {
            throw new IllegalStateException("sscard.issuer.ca.pkcs11.pin-file is required for a PKCS#11 CA");
        }
        char[] pin;
        try {
            pin = Files.readString(config.pinFile(), StandardCharsets.UTF_8)
                    .strip()
                    .toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the HSM PIN file " + config.pinFile(), e);
        }
        this.session = Pkcs11Session.open(config.library(), config.slotListIndex(), pin);
        this.description = "PKCS#11 " + config.library() + " slot index " + config.slotListIndex();
    }

    @Override
    public synchronized Optional<Entry> load(String alias) {
        try {
            KeyStore store = session.keyStore();
            if (!store.isKeyEntry(alias)) {
                return Optional.empty();
            }
            Certificate[] chain = store.getCertificateChain(alias);
            return Optional.of(new Entry(
                    (PrivateKey) store.getKey(alias, null),
                    Arrays.stream(chain).map(X509Certificate.class::cast).toList()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read CA key " + alias + " from the HSM", e);
        }
    }

    @Override
    public KeyPair generate(String keyAlgorithm, int keySize) {
        return session.generate(keyAlgorithm, keySize);
    }

    @Override
    public synchronized void save(String alias, PrivateKey privateKey, List<X509Certificate> chain) {
        session.store(alias, privateKey, chain);
    }

    @Override
    public Optional<Provider> signingProvider() {
        return Optional.of(session.provider());
    }

    @Override
    public String describe() {
        return description;
    }
}
