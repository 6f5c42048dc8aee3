package org.sscard.auth.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The test PKI's OCSP responder and CRL distribution point on loopback, as the card issuer runs them: each CA signs
 * its own OCSP answers (nonce echoed) and CRLs. {@code /ocsp}; {@code /crl/<ca>/…} (any suffix, so that each card
 * can name its own URL and no CRL cached by an earlier login hides a later revocation); {@code /down/…} answers 503,
 * standing in for a responder that cannot be reached.
 */
final class RevocationResponder {

    private record Authority(String name, X509Certificate cert, KeyPair key) {}

    private final HttpServer server;
    private final List<Authority> authorities = new CopyOnWriteArrayList<>();
    private final Map<BigInteger, Integer> ocspRevoked = new ConcurrentHashMap<>();
    private final Map<BigInteger, Integer> crlRevoked = new ConcurrentHashMap<>();

    RevocationResponder() {
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
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-revocation-responder");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    void authority(String name, X509Certificate cert, KeyPair key) {
        authorities.add(new Authority(name, cert, key));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** From now on OCSP answers revoked with this RFC 5280 reason code. */
    void revokeInOcsp(BigInteger serial, int reason) {
        ocspRevoked.put(serial, reason);
    }

    /** From now on the issuer's CRL lists the serial. */
    void revokeInCrl(BigInteger serial, int reason) {
        crlRevoked.put(serial, reason);
    }

    private interface Body {
        byte[] answer(HttpExchange exchange) throws Exception;
    }

    private static void respond(HttpExchange exchange, String contentType, Body body) throws IOException {
        try (exchange) {
            byte[] bytes = body.answer(exchange);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (Exception broken) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private byte[] ocsp(HttpExchange exchange) throws Exception {
        OCSPReq request = new OCSPReq(exchange.getRequestBody().readAllBytes());
        Req single = request.getRequestList()[0];
        Authority ca = null;
        for (Authority candidate : authorities) {
            if (single.getCertID()
                    .matchesIssuer(
                            new JcaX509CertificateHolder(candidate.cert()),
                            new JcaDigestCalculatorProviderBuilder().build())) {
                ca = candidate;
            }
        }
        Instant now = Instant.now();
        Integer reason = ocspRevoked.get(single.getCertID().getSerialNumber());
        CertificateStatus status = reason == null
                ? CertificateStatus.GOOD
                : new RevokedStatus(Date.from(now.minus(Duration.ofHours(1))), reason);
        BasicOCSPRespBuilder builder =
                new BasicOCSPRespBuilder(new RespID(new JcaX509CertificateHolder(ca.cert()).getSubject()));
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
                                new JcaContentSignerBuilder("SHA256withRSA")
                                        .build(ca.key().getPrivate()),
                                new X509CertificateHolder[] {new JcaX509CertificateHolder(ca.cert())},
                                Date.from(now)))
                .getEncoded();
    }

    private byte[] crl(HttpExchange exchange) throws Exception {
        return crl(exchange.getRequestURI().getPath().split("/")[2]);
    }

    /** The named CA's current CRL, DER, as its distribution point would serve it. */
    byte[] crl(String name) throws Exception {
        Authority ca = authorities.stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow();
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                new JcaX509CertificateHolder(ca.cert()).getSubject(), Date.from(now.minusSeconds(60)));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofHours(1))));
        crlRevoked.forEach(
                (serial, reason) -> builder.addCRLEntry(serial, Date.from(now.minus(Duration.ofHours(1))), reason));
        return builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                        .build(ca.key().getPrivate()))
                .getEncoded();
    }
}
