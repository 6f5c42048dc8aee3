package org.sscard.auth.certificate.revocation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRLs fetched over HTTP from the distribution points of the certificate and of the CAs above it (the JDK checks a
 * CA certificate's status along its whole path). A fetched CRL is kept and served again while its nextUpdate has not
 * passed and it is younger than {@code maxAge} (from its thisUpdate); it is fetched anew before, when the checker
 * asks for fresh CRLs ({@link CertificateToCheck#freshCrls()}: OCSP could not say). A fetched CRL whose CRL number is
 * lower than one already seen from its issuer (with a signature of that issuer) is refused: the CRL never goes back to
 * an older one, which may lack a revocation. An unreachable point yields the kept CRL or none, never an exception:
 * the checker then judges its age, or answers Unknown, and the caller fails closed.
 */
public final class HttpCrlSource implements CrlSource {

    private static final Logger log = LoggerFactory.getLogger(HttpCrlSource.class);

    private final HttpClient http;
    private final Duration timeout;
    private final Duration maxAge;
    private final Map<URI, X509CRL> cache = new ConcurrentHashMap<>();
    /** The highest CRL number seen on a CRL of each issuer that a key of that issuer signed. */
    private final Map<X500Principal, BigInteger> highestNumbers = new ConcurrentHashMap<>();

    /** CRLs kept until their nextUpdate (no maximum age; the checker still applies its own). */
    public HttpCrlSource(Duration timeout) {
        this(timeout, null);
    }

    public HttpCrlSource(Duration timeout, Duration maxAge) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.maxAge = maxAge;
    }

    @Override
    public Collection<X509CRL> crlsFor(CertificateToCheck subject) {
        List<X509Certificate> path = subject.pathCertificates();
        int from = Math.max(0, path.indexOf(subject.certificate()));
        List<X509CRL> crls = new ArrayList<>();
        for (X509Certificate cert : path.subList(from, path.size())) {
            boolean fresh = subject.freshCrls() && cert.equals(subject.certificate());
            for (URI url : CertificateUrls.crlDistributionPoints(cert)) {
                X509CRL crl = fetch(url, subject, fresh);
                if (crl != null) {
                    crls.add(crl);
                }
            }
        }
        return crls;
    }

    private X509CRL fetch(URI url, CertificateToCheck subject, boolean fresh) {
        Instant at = subject.at();
        X509CRL cached = cache.get(url);
        if (!fresh && cached != null && current(cached, at)) {
            return cached;
        }
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("CRL {} answered HTTP {}", url, response.statusCode());
                return cached;
            }
            X509CRL crl = (X509CRL)
                    CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
            if (!notOlderThanSeen(crl, subject)) {
                log.warn("CRL {} went back to CRL number {}, below one seen before: refused", url, number(crl));
                return cached;
            }
            cache.put(url, crl); // the checker verifies it for every use
            return crl;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return cached;
        } catch (Exception unreachable) {
            log.warn("CRL {} not available: {}", url, unreachable.toString());
            return cached;
        }
    }

    private boolean current(X509CRL crl, Instant at) {
        return crl.getNextUpdate() != null
                && crl.getNextUpdate().toInstant().isAfter(at)
                && (maxAge == null
                        || crl.getThisUpdate().toInstant().plus(maxAge).isAfter(at));
    }

    /**
     * False if the CRL's number is lower than the highest seen from its issuer. A number counts as seen only on a CRL
     * that a key of its issuer (a certificate of the path or an anchor with the CRL issuer's name) signed, so that a
     * forged CRL cannot raise the bar and shut the real ones out.
     */
    private boolean notOlderThanSeen(X509CRL crl, CertificateToCheck subject) {
        BigInteger number = number(crl);
        if (number == null) {
            return true;
        }
        X500Principal issuer = crl.getIssuerX500Principal();
        BigInteger highest = highestNumbers.get(issuer);
        if (highest != null && number.compareTo(highest) < 0) {
            return false;
        }
        if (signedByIssuer(crl, subject)) {
            highestNumbers.merge(issuer, number, BigInteger::max);
        }
        return true;
    }

    private static boolean signedByIssuer(X509CRL crl, CertificateToCheck subject) {
        List<X509Certificate> keys = new ArrayList<>(subject.pathCertificates());
        subject.anchors().forEach(anchor -> keys.add(anchor.getTrustedCert()));
        for (X509Certificate cert : keys) {
            if (cert.getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
                try {
                    crl.verify(cert.getPublicKey());
                    return true;
                } catch (Exception notThisKey) {
                    // another key of the same name, or not the issuer's signature at all
                }
            }
        }
        return false;
    }

    /** The CRL number extension (RFC 5280 §5.2.3), or null without one. */
    static BigInteger number(X509CRL crl) {
        byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (extension == null) {
            return null;
        }
        try {
            return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension))
                    .getValue();
        } catch (IOException | IllegalArgumentException malformed) {
            return null;
        }
    }
}
