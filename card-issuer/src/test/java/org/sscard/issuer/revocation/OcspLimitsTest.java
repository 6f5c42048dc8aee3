package org.sscard.issuer.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;
import org.sscard.issuer.audit.IssuerAudit;
import org.sscard.issuer.ca.CaHierarchy;
import org.sscard.issuer.ca.CaProperties;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;
import org.sscard.issuer.support.OcspRequests;

/**
 * What the CA publishes cannot be used to exhaust it: request bodies are bounded (413), so is the number of CertIDs
 * one OCSP request may ask about (malformedRequest), and so is the cache of answers to nonce-less requests.
 */
class OcspLimitsTest extends IssuerApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int LIMIT = 8 * 1024; // sscard.issuer.ocsp.max-request-size, default

    @Autowired
    CertificateRecords records;

    @Autowired
    CaHierarchy hierarchy;

    @Autowired
    CaProperties ca;

    @Autowired
    IssuerAudit audit;

    @Autowired
    OcspProperties limits;

    @Test
    void anOcspBodyOverTheLimitIsRefused413WhetherAnnouncedOrChunked() throws Exception {
        byte[] tooLarge = new byte[LIMIT + 1];

        HttpResponse<String> announced = post("/ocsp", HttpRequest.BodyPublishers.ofByteArray(tooLarge));
        HttpResponse<String> chunked =
                post("/ocsp", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge)));

        for (HttpResponse<String> answer : List.of(announced, chunked)) {
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).contains("REQUEST_TOO_LARGE");
        }
    }

    @Test
    void aBodySentToTheCrlIsRefused413BeforeItIsRead() throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(publicationUrl() + "/crl/issuing.crl"))
                        .method("GET", HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(published().get("/crl/issuing.crl").status())
                .as("without a body")
                .isEqualTo(200);
    }

    @Test
    void moreCertIdsThanAllowedInOneRequestIsMalformed() throws Exception {
        X509Certificate issuing = Certificates.fromPem(published().pem("/ca/issuing.pem"));
        int max = limits.maxCertIds();

        OCSPResp allowed = OcspRequests.response(
                published().ocspPost(requestFor(issuing, max)).body());
        OCSPResp tooMany = OcspRequests.response(
                published().ocspPost(requestFor(issuing, max + 1)).body());

        assertThat(allowed.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        assertThat(tooMany.getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void noncelessAnswersStayWithinTheCacheBoundAndUnknownSerialsAreNotCached() throws Exception {
        OcspResponder responder = new OcspResponder(
                records, hierarchy, ca, new OcspProperties(DataSize.ofKilobytes(8), 8, 4), audit, Clock.systemUTC());
        X509Certificate issuing = hierarchy.issuing().certificate();

        for (int i = 0; i < 50; i++) {
            responder.respond(OcspRequests.request(issuing, BigInteger.valueOf(1_000_000L + i), null));
        }
        assertThat(responder.cachedAnswers())
                .as("answers about serials never issued")
                .isZero();

        List<BigInteger> known = platformCertificateSerials();
        assertThat(known).hasSizeGreaterThan(4);
        for (BigInteger serial : known) {
            responder.respond(OcspRequests.request(issuing, serial, null));
            assertThat(responder.cachedAnswers()).isBetween(1, 4);
        }
    }

    private static byte[] requestFor(X509Certificate issuing, int certIds) throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder();
        for (int i = 0; i < certIds; i++) {
            builder.addRequest(OcspRequests.certificateId(issuing, BigInteger.valueOf(2_000_000L + i)));
        }
        return builder.build().getEncoded();
    }

    /** The certificates the bootstrap made for the platform (TLS servers, service clients): known to this CA. */
    private static List<BigInteger> platformCertificateSerials() throws Exception {
        List<BigInteger> serials = new ArrayList<>();
        for (String directory : List.of("tls", "clients")) {
            try (Stream<Path> files = Files.list(RELAY.dataDir().resolve(directory))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".crt")).toList()) {
                    serials.add(Certificates.fromPem(Files.readString(file, StandardCharsets.US_ASCII))
                            .getSerialNumber());
                }
            }
        }
        return serials;
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(publicationUrl() + path))
                        .header("Content-Type", "application/ocsp-request")
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
