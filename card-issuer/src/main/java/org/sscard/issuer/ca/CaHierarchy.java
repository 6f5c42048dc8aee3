package org.sscard.issuer.ca;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sscard.issuer.profile.CertificateProfile;
import org.sscard.issuer.profile.CertificateSubject;

/**
 * The two-tier hierarchy — root, issuing CA, and the issuing CA's delegated OCSP signer — loaded from the key
 * store, or created there on first start. The OCSP signer is renewed when less than a quarter of its life is left.
 */
public class CaHierarchy {

    public static final String ROOT = "root";
    public static final String ISSUING = "issuing";
    public static final String OCSP = "ocsp";

    private static final Logger log = LoggerFactory.getLogger(CaHierarchy.class);

    private final CaKeyStore keyStore;
    private final CertificateMinter minter;
    private final CaProperties ca;
    private final Clock clock;
    private volatile CaKeyStore.Entry root;
    private volatile CaKeyStore.Entry issuing;
    private volatile CaKeyStore.Entry ocsp;

    public CaHierarchy(CaKeyStore keyStore, CertificateMinter minter, CaProperties ca, Clock clock) {
        this.keyStore = keyStore;
        this.minter = minter;
        this.ca = ca;
        this.clock = clock;
    }

    /** Loads or creates the hierarchy; returns the certificates created now (to be recorded by the caller). */
    public synchronized List<X509Certificate> initialise(CertificateProfile ocspProfile) {
        Instant now = clock.instant();
        List<X509Certificate> created = new java.util.ArrayList<>();
        root = keyStore.load(ROOT).orElseGet(() -> {
            KeyPair keys = keyStore.generate("RSA", ca.rootKeySize());
            X509Certificate cert = minter.root(ca, name("ルートCA"), keys, now);
            keyStore.save(ROOT, keys.getPrivate(), List.of(cert));
            log.info("created root CA ({})", keyStore.describe());
            created.add(cert);
            return keyStore.load(ROOT).orElseThrow();
        });
        issuing = keyStore.load(ISSUING).orElseGet(() -> {
            KeyPair keys = keyStore.generate("RSA", ca.issuingKeySize());
            Instant notAfter =
                    now.atZone(ZoneOffset.UTC).plus(ca.issuingValidity()).toInstant();
            X509Certificate cert =
                    minter.issuingCa(name("発行CA"), keys.getPublic(), root, notAfter, ca.crlUrl(ROOT), now);
            keyStore.save(ISSUING, keys.getPrivate(), List.of(cert, root.certificate()));
            log.info("created issuing CA");
            created.add(cert);
            return keyStore.load(ISSUING).orElseThrow();
        });
        ocsp = keyStore.load(OCSP)
                .filter(entry -> !nearExpiry(entry.certificate(), now))
                .orElseGet(() -> {
                    KeyPair keys = keyStore.generate(ocspProfile.keyAlgorithm(), ocspProfile.keySize());
                    X509Certificate cert = minter.endEntity(
                            ocspProfile,
                            new CertificateSubject.OcspSigner(ca.name(), ca.organisation()),
                            keys.getPublic(),
                            CertificateMinter.newSerial(),
                            issuing,
                            ca,
                            now);
                    keyStore.save(OCSP, keys.getPrivate(), List.of(cert, issuing.certificate()));
                    log.info("created OCSP signer certificate");
                    created.add(cert);
                    return keyStore.load(OCSP).orElseThrow();
                });
        return created;
    }

    public CaKeyStore.Entry root() {
        return root;
    }

    public CaKeyStore.Entry issuing() {
        return issuing;
    }

    public CaKeyStore.Entry ocspSigner() {
        return ocsp;
    }

    public CaKeyStore keyStore() {
        return keyStore;
    }

    private X500Name name(String tier) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, ca.country())
                .addRDN(BCStyle.O, ca.organisation())
                .addRDN(BCStyle.CN, ca.name() + " " + tier)
                .build();
    }

    private static boolean nearExpiry(X509Certificate cert, Instant now) {
        long life = cert.getNotAfter().getTime() - cert.getNotBefore().getTime();
        return cert.getNotAfter().getTime() - now.toEpochMilli() < life / 4;
    }
}
