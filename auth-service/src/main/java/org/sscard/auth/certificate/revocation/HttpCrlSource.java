package org.sscard.auth.certificate.revocation;

import java.io.ByteArrayInputStream;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRLs fetched over HTTP from the distribution points of the certificate and of the CAs above it (the JDK checks a
 * CA certificate's status along its whole path), each kept until its nextUpdate. An unreachable point yields no
 * CRL, never an exception: the checker then answers Unknown and the caller fails closed.
 */
public final class HttpCrlSource implements CrlSource {

    private static final Logger log = LoggerFactory.getLogger(HttpCrlSource.class);

    private final HttpClient http;
    private final Duration timeout;
    private final Map<URI, X509CRL> cache = new ConcurrentHashMap<>();

    public HttpCrlSource(Duration timeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
    }

    @Override
    public Collection<X509CRL> crlsFor(CertificateToCheck subject) {
        List<X509Certificate> path = subject.pathCertificates();
        int from = Math.max(0, path.indexOf(subject.certificate()));
        List<X509CRL> crls = new ArrayList<>();
        for (X509Certificate cert : path.subList(from, path.size())) {
            for (URI url : CertificateUrls.crlDistributionPoints(cert)) {
                X509CRL crl = fetch(url, subject.at());
                if (crl != null) {
                    crls.add(crl);
                }
            }
        }
        return crls;
    }

    private X509CRL fetch(URI url, Instant at) {
        X509CRL cached = cache.get(url);
        if (cached != null
                && cached.getNextUpdate() != null
                && cached.getNextUpdate().toInstant().isAfter(at)) {
            return cached;
        }
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("CRL {} answered HTTP {}", url, response.statusCode());
                return null;
            }
            X509CRL crl = (X509CRL)
                    CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
            cache.put(url, crl); // not verified here: the checker verifies it for every use
            return crl;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception unreachable) {
            log.warn("CRL {} not available: {}", url, unreachable.toString());
            return null;
        }
    }
}
