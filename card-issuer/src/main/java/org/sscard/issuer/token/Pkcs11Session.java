package org.sscard.issuer.token;

import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.security.auth.login.LoginException;

/**
 * One logged-in PKCS#11 token through the JDK's SunPKCS11 provider. Keys generated through {@link #provider()}
 * are made inside the token, sensitive, never extractable and sign-only: they can sign, never leave the token.
 * They persist on the token once {@link #store} binds them to their certificate.
 */
public final class Pkcs11Session implements AutoCloseable {

    private final Provider provider;
    private final KeyStore keyStore;
    private final Path library;
    private final int slotListIndex;

    private Pkcs11Session(Provider provider, KeyStore keyStore, Path library, int slotListIndex) {
        this.provider = provider;
        this.keyStore = keyStore;
        this.library = library;
        this.slotListIndex = slotListIndex;
    }

    public static Pkcs11Session open(Path library, int slotListIndex, char[] pin) {
        // Generated keys start as session objects inside the token and become token objects only when their
        // certificate is stored (P11KeyStore copies them with C_CopyObject): a refused or failed issuance leaves
        // nothing on the token. A token key pair made directly would leave a public key object the JCA KeyStore
        // can neither label nor find again; the certificate carries the public key instead.
        // The keys sign and do nothing else (no decrypt, no unwrap): CA keys and card keys only ever sign.
        String config = String.join(
                "\n",
                "--name = sscard-" + slotListIndex,
                "library = " + library,
                "slotListIndex = " + slotListIndex,
                "attributes(generate, CKO_PRIVATE_KEY, *) = {",
                "  CKA_TOKEN = false",
                "  CKA_PRIVATE = true",
                "  CKA_SENSITIVE = true",
                "  CKA_EXTRACTABLE = false",
                "  CKA_SIGN = true",
                "  CKA_DECRYPT = false",
                "  CKA_UNWRAP = false",
                "}",
                "attributes(generate, CKO_PUBLIC_KEY, *) = {",
                "  CKA_TOKEN = false",
                "  CKA_VERIFY = true",
                "  CKA_ENCRYPT = false",
                "  CKA_WRAP = false",
                "}");
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config);
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return new Pkcs11Session(provider, keyStore, library, slotListIndex);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(
                    "cannot log in to the PKCS#11 token (" + library + ", slot index " + slotListIndex + ")", e);
        }
    }

    public Provider provider() {
        return provider;
    }

    public KeyStore keyStore() {
        return keyStore;
    }

    /** A key pair made inside the token (a session object until {@link #store} binds it to a certificate). */
    public KeyPair generate(String keyAlgorithm, int keySize) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm, provider);
            generator.initialize(keySize);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the token cannot generate a " + keyAlgorithm + " key", e);
        }
    }

    /** The token's serial number (PKCS#11 token info), e.g. to name the card it is. */
    public String tokenSerialNumber() {
        return TokenSerialNumber.of(library, slotListIndex);
    }

    /** Logs out: the CA keeps its session for its lifetime; a card writer closes it when the card is written. */
    @Override
    public void close() {
        try {
            ((AuthProvider) provider).logout();
        } catch (LoginException e) {
            throw new IllegalStateException("cannot log out of the PKCS#11 token", e);
        }
    }

    /** Binds a token key to its certificate chain under the alias (the certificate is written to the token). */
    public void store(String alias, PrivateKey key, List<X509Certificate> chain) {
        try {
            keyStore.setKeyEntry(alias, key, null, chain.toArray(new Certificate[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the certificate to the token", e);
        }
    }
}
