package org.sscard.auth.certificate;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sscard.common.tls.PlatformTrust;

/** The platform CA's roots, read the way the TLS connectors read them, so that both agree on what is trusted. */
public final class PlatformRoots {

    private PlatformRoots() {}

    public static List<X509Certificate> read(Path caRootPem) {
        KeyStore store = PlatformTrust.keyStore(caRootPem);
        try {
            List<X509Certificate> roots = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                roots.add((X509Certificate) store.getCertificate(alias));
            }
            return roots;
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot read the platform CA root " + caRootPem, e);
        }
    }
}
