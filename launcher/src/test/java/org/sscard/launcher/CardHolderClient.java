package org.sscard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.sscard.common.tls.PlatformTrust;

/**
 * A resident's browser as an HTTP client: their demo card (PKCS#12 soft card and PIN) for the card login's TLS
 * handshake, the platform CA as the only trust, cookies kept, redirects followed, pages asked for as HTML.
 */
final class CardHolderClient {

    private final HttpClient http;

    CardHolderClient(Path card, String pin, Path caRoot) throws IOException, GeneralSecurityException {
        http = httpClient(card, pin, caRoot);
    }

    /** The card for the TLS handshake, the platform CA as the only trust, cookies kept, no redirect followed. */
    static HttpClient httpClient(Path card, String pin, Path caRoot) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(card)) {
            keys.load(in, pin.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, pin.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(PlatformTrust.keyStore(caRoot));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(tls)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** GET as a browser does; {@code headers} are extra name/value pairs for the first request only. */
    HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30))
                .GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return follow(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A download: the bytes as they arrive, no redirect followed. */
    HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return follow(http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** As a browser does: the login takes more redirects than the JDK client follows by itself (five). */
    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; hops < 15 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri()
                    .resolve(response.headers().firstValue("Location").orElseThrow());
            try {
                response = http.send(
                        HttpRequest.newBuilder(next)
                                .header("Accept", "text/html")
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IOException("GET " + next + " (from " + response.uri() + "): " + e.getMessage(), e);
            }
        }
        return response;
    }
}
