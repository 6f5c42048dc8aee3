package org.sscard.auth.certificate.revocation;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.sscard.auth.certificate.AlgorithmFloor;

/**
 * RFC 6960 over HTTP POST to the certificate's AIA OCSP URL, with a fresh nonce that the response must echo. The
 * response must come from a trusted responder ({@link OcspResponderTrust}) and be fresh at the validation time;
 * good and revoked answers are cached until their nextUpdate. Anything less is Unknown, never an exception.
 */
public final class OcspRevocationChecker implements RevocationChecker {

    /** Tolerated clock difference between us and the responder. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private record Cached(RevocationStatus status, Instant until) {}

    /**
     * The cache's key: the certificate's serial and its issuer's whole certificate (at least as specific as the
     * CertificateID's issuer name and key hashes), so that a cached answer is found without building a CertificateID
     * (re-parsing the issuer and hashing it on every look-up, a fifth of a client assertion's revocation check).
     */
    private record Key(X509Certificate issuer, BigInteger serial) {}

    private final HttpClient http;
    private final Duration timeout;
    private final AlgorithmFloor floor;
    private final SecureRandom random = new SecureRandom();
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    /** With the production algorithm floor. */
    public OcspRevocationChecker(Duration timeout) {
        this(timeout, AlgorithmFloor.strict());
    }

    /** Responses, responder certificates and their keys below {@code floor} are not trusted. */
    public OcspRevocationChecker(Duration timeout, AlgorithmFloor floor) {
        this.floor = floor;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
    }

    @Override
    public RevocationStatus check(CertificateToCheck subject) {
        List<URI> urls = CertificateUrls.ocsp(subject.certificate());
        if (urls.isEmpty()) {
            return new RevocationStatus.Unknown("OCSP", "no OCSP URL in " + subject.subjectName());
        }
        URI url = urls.get(0);
        String source = "OCSP " + url;
        Key key = new Key(subject.issuer(), subject.certificate().getSerialNumber());
        Cached cached = cache.get(key);
        if (cached != null && subject.at().isBefore(cached.until())) {
            return cached.status();
        }
        try {
            CertificateID id = new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(subject.issuer()),
                    subject.certificate().getSerialNumber());
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            Extension nonceExtension =
                    new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce));
            byte[] request = new OCSPReqBuilder()
                    .addRequest(id)
                    .setRequestExtensions(new Extensions(nonceExtension))
                    .build()
                    .getEncoded();
            BasicOCSPResp response = post(url, request);
            OcspResponderTrust.verify(response, subject.issuer(), subject.at(), floor);
            Extension echoed = response.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (echoed == null || !echoed.getExtnValue().equals(nonceExtension.getExtnValue())) {
                return new RevocationStatus.Unknown(source, "response does not echo our nonce (replay?)");
            }
            OcspAnswer answer = OcspAnswer.read(response, id, source, subject.at(), CLOCK_SKEW);
            if (answer.cacheUntil() != null) {
                cache.put(key, new Cached(answer.status(), answer.cacheUntil()));
            }
            return answer.status();
        } catch (OcspResponderTrust.UntrustedResponse untrusted) {
            return new RevocationStatus.Unknown(source, "untrusted response: " + untrusted.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new RevocationStatus.Unknown(source, "interrupted");
        } catch (Exception unreachable) {
            return new RevocationStatus.Unknown(source, unreachable.toString());
        }
    }

    private BasicOCSPResp post(URI url, byte[] request) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(url)
                        .timeout(timeout)
                        .header("Content-Type", "application/ocsp-request")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        OCSPResp ocsp = new OCSPResp(response.body());
        if (ocsp.getStatus() != OCSPResp.SUCCESSFUL || !(ocsp.getResponseObject() instanceof BasicOCSPResp basic)) {
            throw new IllegalStateException("responder status " + ocsp.getStatus());
        }
        return basic;
    }
}
