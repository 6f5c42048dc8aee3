package org.sscard.issuer.publication;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.issuer.ca.CaHierarchy;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.revocation.CrlPublisher;
import org.sscard.issuer.revocation.OcspProperties;
import org.sscard.issuer.revocation.OcspResponder;

/**
 * What the CA publishes to every relying party, without authentication, over plain HTTP (as RFC 5280 and 6960
 * expect): CRLs, the CA certificates, and the OCSP responder (POST, and GET per RFC 6960 appendix A).
 */
@RestController
class PublicationController {

    static final MediaType OCSP_REQUEST = MediaType.parseMediaType("application/ocsp-request");
    static final MediaType OCSP_RESPONSE = MediaType.parseMediaType("application/ocsp-response");
    static final MediaType PKIX_CRL = MediaType.parseMediaType("application/pkix-crl");
    static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");

    private final CrlPublisher crls;
    private final OcspResponder ocsp;
    private final CaHierarchy hierarchy;
    private final Clock clock;
    private final OcspProperties limits;

    PublicationController(
            CrlPublisher crls, OcspResponder ocsp, CaHierarchy hierarchy, Clock clock, OcspProperties limits) {
        this.limits = limits;
        this.crls = crls;
        this.ocsp = ocsp;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

    @GetMapping("/crl/{issuer:root|issuing}.crl")
    ResponseEntity<byte[]> crl(@PathVariable String issuer) {
        return ResponseEntity.ok()
                .contentType(PKIX_CRL)
                .cacheControl(CacheControl.noCache())
                .body(crls.current(issuer));
    }

    @GetMapping("/ca/{alias:root|issuing}.cer")
    ResponseEntity<byte[]> caCertificate(@PathVariable String alias) throws CertificateEncodingException {
        var entry = "root".equals(alias) ? hierarchy.root() : hierarchy.issuing();
        return ResponseEntity.ok()
                .contentType(PKIX_CERT)
                .body(entry.certificate().getEncoded());
    }

    @GetMapping(value = "/ca/{alias:root|issuing}.pem", produces = "application/x-pem-file")
    String caCertificatePem(@PathVariable String alias) throws CertificateEncodingException {
        var entry = "root".equals(alias) ? hierarchy.root() : hierarchy.issuing();
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(entry.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** The body is read up to the configured limit and no further (chunked bodies have no Content-Length). */
    @PostMapping(value = "/ocsp", consumes = "application/ocsp-request")
    ResponseEntity<byte[]> ocspPost(HttpServletRequest request) throws IOException {
        int limit = limits.maxRequestBytes();
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            throw new IssuerException(
                    IssuerError.REQUEST_TOO_LARGE, "an OCSP request is at most " + limit + " bytes here");
        }
        return answer(ocsp.respond(body), false);
    }

    @GetMapping("/ocsp/**")
    ResponseEntity<byte[]> ocspGet(HttpServletRequest request) {
        String encoded =
                request.getRequestURI().substring(request.getContextPath().length() + "/ocsp/".length());
        byte[] der;
        try {
            // a '+' left unencoded by the client is base64, not a form-encoded space: keep it
            der = Base64.getDecoder().decode(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            der = new byte[0]; // the responder answers malformedRequest
        }
        return answer(ocsp.respond(der), true);
    }

    private ResponseEntity<byte[]> answer(OcspResponder.Response response, boolean cacheable) {
        var builder = ResponseEntity.ok().contentType(OCSP_RESPONSE);
        if (cacheable && response.nextUpdate() != null) {
            long seconds = Math.max(
                    0, Duration.between(clock.instant(), response.nextUpdate()).toSeconds());
            builder.cacheControl(
                    CacheControl.maxAge(Duration.ofSeconds(seconds)).cachePublic());
        }
        return builder.body(response.der());
    }
}
