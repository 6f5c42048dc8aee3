package org.sscard.auth.certificate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A tiny OCSP responder on loopback for the tests: answers for the CAs it knows, signed by each CA itself or by a
 * chosen (possibly unauthorised) signer, echoing the nonce.
 */
final class TestOcspResponder implements AutoCloseable {

    private final HttpServer server;
    private final List<TestPki.Issued> cas;
    private final Map<BigInteger, Integer> revoked = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile TestPki.Issued signer; // null: each CA signs for itself

    TestOcspResponder(List<TestPki.Issued> cas) throws IOException {
        this.cas = cas;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ocsp", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp";
    }

    void revoke(BigInteger serial, int reason) {
        revoked.put(serial, reason);
    }

    void signWith(TestPki.Issued delegated) {
        signer = delegated;
    }

    int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            byte[] body =
                    build(new OCSPReq(exchange.getRequestBody().readAllBytes())).getEncoded();
            exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (Exception broken) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    private OCSPResp build(OCSPReq request) throws Exception {
        Req single = request.getRequestList()[0];
        TestPki.Issued ca = null;
        for (TestPki.Issued candidate : cas) {
            if (single.getCertID()
                    .matchesIssuer(
                            new JcaX509CertificateHolder(candidate.cert()),
                            new JcaDigestCalculatorProviderBuilder().build())) {
                ca = candidate;
            }
        }
        TestPki.Issued signing = signer != null ? signer : ca;
        BasicOCSPRespBuilder builder =
                new BasicOCSPRespBuilder(new RespID(new JcaX509CertificateHolder(signing.cert()).getSubject()));
        Integer reason = revoked.get(single.getCertID().getSerialNumber());
        CertificateStatus status = reason == null
                ? CertificateStatus.GOOD
                : new RevokedStatus(Date.from(Instant.now().minus(Duration.ofHours(1))), reason);
        Instant now = Instant.now();
        builder.addResponse(
                single.getCertID(), status, Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofHours(1))));
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        X509CertificateHolder[] chain = {new JcaX509CertificateHolder(signing.cert())};
        return new OCSPRespBuilder()
                .build(
                        OCSPRespBuilder.SUCCESSFUL,
                        builder.build(
                                new JcaContentSignerBuilder("SHA256withRSA")
                                        .build(signing.keys().getPrivate()),
                                chain,
                                Date.from(now)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
