package org.sscard.issuer.ca;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Where the CA's own keys live: a passphrase-protected PKCS#12 file in the data directory, or a PKCS#11 HSM.
 * Keys are generated inside the store and never leave it; the CA only asks it to sign.
 */
public interface CaKeyStore {

    /** A CA key with its certificate chain (the key's own certificate first). */
    record Entry(PrivateKey privateKey, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.get(0);
        }
    }

    Optional<Entry> load(String alias);

    /** Generates a key pair inside the store (not yet saved: {@link #save} binds it to its certificate). */
    KeyPair generate(String keyAlgorithm, int keySize);

    void save(String alias, PrivateKey privateKey, List<X509Certificate> chain);

    /** The JCA provider that signs with this store's keys; empty: the platform default. */
    Optional<Provider> signingProvider();

    /** For operators and logs: PKCS12 file path or PKCS11 library and slot. */
    String describe();
}
