package org.sscard.issuer.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** CA keys in a passphrase-protected PKCS#12 file (owner-only) in the data directory. */
public class Pkcs12CaKeyStore implements CaKeyStore {

    private final Path file;
    private final char[] passphrase;
    private final KeyStore keyStore;

    public Pkcs12CaKeyStore(Path file, char[] passphrase) {
        this.file = file;
        this.passphrase = passphrase.clone();
        try {
            this.keyStore = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    keyStore.load(in, this.passphrase);
                }
            } else {
                keyStore.load(null, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open the CA key store " + file + " (wrong passphrase or damaged file)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the CA key store " + file, e);
        }
    }

    @Override
    public synchronized Optional<Entry> load(String alias) {
        try {
            if (!keyStore.isKeyEntry(alias)) {
                return Optional.empty();
            }
            PrivateKey key = (PrivateKey) keyStore.getKey(alias, passphrase);
            Certificate[] chain = keyStore.getCertificateChain(alias);
            return Optional.of(new Entry(
                    key, Arrays.stream(chain).map(X509Certificate.class::cast).toList()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read CA key " + alias, e);
        }
    }

    @Override
    public KeyPair generate(String keyAlgorithm, int keySize) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
            generator.initialize(keySize);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + keyAlgorithm + " key", e);
        }
    }

    @Override
    public synchronized void save(String alias, PrivateKey privateKey, List<X509Certificate> chain) {
        try {
            keyStore.setKeyEntry(alias, privateKey, passphrase, chain.toArray(new Certificate[0]));
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(
                    file.getParent(),
                    "ca",
                    ".tmp",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(temp)) {
                keyStore.store(out, passphrase);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CA key store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot store CA key " + alias, e);
        }
    }

    @Override
    public Optional<Provider> signingProvider() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "PKCS#12 " + file;
    }
}
