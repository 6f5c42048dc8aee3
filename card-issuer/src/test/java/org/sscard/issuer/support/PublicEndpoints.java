package org.sscard.issuer.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;

/**
 * What the CA publishes without authentication, fetched as any relying party would: CA certificates, CRLs and
 * the OCSP responder (POST and RFC 6960 appendix A GET).
 */
public final class PublicEndpoints {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    public PublicEndpoints(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Answer(int status, byte[] body, String contentType, String cacheControl) {}

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Answer ocspPost(byte[] request) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/ocsp"))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)));
    }

    /** GET {url}/{url-encoded base64 request}: the caller passes the path segment exactly as it goes on the wire. */
    public Answer ocspGet(String encodedRequest) {
        return get("/ocsp/" + encodedRequest);
    }

    public X509CRL crl(String issuer) {
        Answer answer = get("/crl/" + issuer + ".crl");
        if (answer.status() != 200) {
            throw new AssertionError("GET /crl/" + issuer + ".crl answered " + answer.status());
        }
        try {
            return (X509CRL)
                    CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(answer.body()));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError("the CRL does not parse", e);
        }
    }

    public String pem(String path) {
        Answer answer = get(path);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + answer.status());
        }
        return new String(answer.body(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Cache-Control").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
