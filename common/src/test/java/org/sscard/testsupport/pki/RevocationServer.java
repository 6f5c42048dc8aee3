package org.sscard.testsupport.pki;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The test PKI's OCSP responder and CRL distribution point on loopback, as the card issuer runs them: each CA
 * answers OCSP for what it issued (nonce echoed), unless a test makes another certificate sign the answers, and
 * publishes its CRL. {@code /ocsp} (POST); {@code /crl/<authority>/…} (any suffix, so that each certificate can
 * name a URL of its own and no CRL cached by an earlier check hides a later revocation); {@code /down/…} answers
 * 503, standing in for a source that cannot be reached.
 */
public final class RevocationServer implements AutoCloseable {

    private record Authority(String name, Issued ca) {}

    private final HttpServer server;
    private final List<Authority> authorities = new CopyOnWriteArrayList<>();
    private final Map<BigInteger, Integer> ocspRevoked = new ConcurrentHashMap<>();
    private final Map<BigInteger, Integer> crlRevoked = new ConcurrentHashMap<>();
    private final AtomicInteger ocspRequests = new AtomicInteger();
    private volatile Issued ocspSigner; // null: each CA signs its own answers
    private volatile String ocspAlgorithm = "SHA256withRSA";
    private final AtomicLong crlNumbers = new AtomicLong();
    private volatile Duration crlValidity = Duration.ofHours(1);
    private volatile Instant crlsIssuedAt; // null: each CRL is issued when it is asked for
    private final Map<String, X509CRL> servedCrls = new ConcurrentHashMap<>();

    private RevocationServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/ocsp", exchange -> respond(exchange, "application/ocsp-response", this::ocsp));
        server.createContext("/crl/", exchange -> respond(exchange, "application/pkix-crl", this::crl));
        server.createContext("/down/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(503, -1);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-revocation-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** A server on a free loopback port, knowing no CA yet. */
    public static RevocationServer start() {
        return new RevocationServer();
    }

    /**
     * From now on the server answers OCSP for what {@code ca} issued (a CA is recognised by its name and key, so a
     * CA certificate carrying this server's URL can be issued after it is added) and serves its CRL as
     * {@code /crl/<name>/…}.
     */
    public RevocationServer authority(String name, Issued ca) {
        authorities.add(new Authority(name, ca));
        return this;
    }

    public String ocspUrl() {
        return url("ocsp");
    }

    /** A CRL address of its own for the authority's CRL. */
    public String crlUrl(String authority) {
        return url("crl/" + authority + "/" + UUID.randomUUID());
    }

    /** An address under {@code /down/}: it answers 503. */
    public String unreachableUrl(String what) {
        return url("down/" + what + "/" + UUID.randomUUID());
    }

    /** From now on OCSP answers revoked, with this RFC 5280 reason code (6 = certificateHold). */
    public void revokeInOcsp(BigInteger serial, int reason) {
        ocspRevoked.put(serial, reason);
    }

    /** From now on the CRLs list the serial with this reason code. */
    public void revokeInCrl(BigInteger serial, int reason) {
        crlRevoked.put(serial, reason);
    }

    /** From now on {@code signer} signs every OCSP answer, whether or not it may speak for the CA. */
    public void signOcspWith(Issued signer) {
        ocspSigner = signer;
    }

    /** From now on OCSP answers are signed with this algorithm (e.g. a deliberately weak {@code SHA1withRSA}). */
    public void signOcspWithAlgorithm(String algorithm) {
        ocspAlgorithm = algorithm;
    }

    /**
     * From now on every CRL is issued as of {@code at} (null: when asked for, the default), and stays valid
     * {@code validity} after it (an hour by default; the card issuer's are valid 24 hours). A CA whose publication is
     * stuck, or an old CRL replayed to relying parties, looks like this.
     */
    public void issueCrlsAsOf(Instant at, Duration validity) {
        crlsIssuedAt = at;
        crlValidity = validity;
    }

    /** From now on the authority's distribution points serve this CRL (null: its current one again). */
    public void serveCrl(String authority, X509CRL crl) {
        if (crl == null) {
            servedCrls.remove(authority);
        } else {
            servedCrls.put(authority, crl);
        }
    }

    /** How many OCSP requests reached the server (to tell a cached answer from a fresh one). */
    public int ocspRequests() {
        return ocspRequests.get();
    }

    /**
     * The authority's current CRL, as its distribution point serves it: numbered, each one higher than the one
     * before (of any authority of this server).
     */
    public X509CRL crl(String authority) {
        X509CRL served = servedCrls.get(authority);
        if (served != null) {
            return served;
        }
        Issued ca = authorities.stream()
                .filter(a -> a.name().equals(authority))
                .map(Authority::ca)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no authority " + authority));
        Instant issuedAt = crlsIssuedAt;
        return TestPki.crl(
                ca,
                issuedAt == null ? Instant.now() : issuedAt,
                crlValidity,
                BigInteger.valueOf(crlNumbers.incrementAndGet()),
                Map.copyOf(crlRevoked));
    }

    /** Stops answering: from now on the addresses refuse connections. */
    @Override
    public void close() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    private interface Answer {
        byte[] body(HttpExchange exchange) throws Exception;
    }

    private static void respond(HttpExchange exchange, String contentType, Answer answer) throws IOException {
        try (exchange) {
            byte[] body = answer.body(exchange);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (Exception broken) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private byte[] crl(HttpExchange exchange) throws Exception {
        return crl(exchange.getRequestURI().getPath().split("/")[2]).getEncoded();
    }

    private byte[] ocsp(HttpExchange exchange) throws Exception {
        ocspRequests.incrementAndGet();
        return ocspResponse(new OCSPReq(exchange.getRequestBody().readAllBytes()))
                .getEncoded();
    }

    private OCSPResp ocspResponse(OCSPReq request) throws Exception {
        Req single = request.getRequestList()[0];
        Issued ca = null;
        for (Authority candidate : authorities) {
            if (single.getCertID()
                    .matchesIssuer(
                            new JcaX509CertificateHolder(candidate.ca().certificate()),
                            new JcaDigestCalculatorProviderBuilder().build())) {
                ca = candidate.ca();
            }
        }
        Issued signer = ocspSigner != null ? ocspSigner : ca;
        if (signer == null) {
            throw new IllegalStateException(
                    "no CA here issued " + single.getCertID().getSerialNumber());
        }
        Instant now = Instant.now();
        Integer reason = ocspRevoked.get(single.getCertID().getSerialNumber());
        CertificateStatus status = reason == null
                ? CertificateStatus.GOOD
                : new RevokedStatus(Date.from(now.minus(Duration.ofHours(1))), reason);
        BasicOCSPRespBuilder builder =
                new BasicOCSPRespBuilder(new RespID(new JcaX509CertificateHolder(signer.certificate()).getSubject()));
        builder.addResponse(
                single.getCertID(), status, Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofHours(1))));
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        return new OCSPRespBuilder()
                .build(
                        OCSPRespBuilder.SUCCESSFUL,
                        builder.build(
                                new JcaContentSignerBuilder(ocspAlgorithm).build(signer.privateKey()),
                                new X509CertificateHolder[] {new JcaX509CertificateHolder(signer.certificate())},
                                Date.from(now)));
    }
}
