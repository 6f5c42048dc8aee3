package org.sscard.reception.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The clerk's login as a native app (RFC 8252), public client {@value #CLIENT_ID}: authorization code with PKCE
 * (S256) and {@code state}, redirect to a loopback receiver on 127.0.0.1. The program is its own browser: it follows
 * auth-service's redirects itself (cookies kept), and the card login on the mTLS port is its own TLS handshake with
 * the staff card's key. Then the code and the verifier go to the token endpoint for the clerk's access token.
 */
final class NativeAppLogin {

    static final String CLIENT_ID = "sscard-reception";
    /** The card login takes more redirects than the JDK client follows by itself (five). */
    private static final int MAX_HOPS = 15;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String REFUSAL_HEADER = "Sscard-Login-Refusal";

    private final Endpoints endpoints;
    private final TrustManager[] platformTrust;
    private final ObjectMapper json = new ObjectMapper();

    NativeAppLogin(Endpoints endpoints, TrustManager[] platformTrust) {
        this.endpoints = endpoints;
        this.platformTrust = platformTrust;
    }

    /** The clerk's access token for the desk's API. */
    String accessToken(KeyManager[] staffCard) {
        Pkce pkce = Pkce.create();
        try (LoopbackReceiver receiver = LoopbackReceiver.start(pkce.state())) {
            HttpClient browser = HttpClient.newBuilder()
                    .sslContext(tls(staffCard))
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            URI redirectUri = receiver.redirectUri();
            URI authorize = endpoints.platform("/oauth2/authorize?"
                    + form(Map.of(
                            "response_type",
                            "code",
                            "client_id",
                            CLIENT_ID,
                            "redirect_uri",
                            redirectUri.toString(),
                            "scope",
                            "openid",
                            "state",
                            pkce.state(),
                            "code_challenge",
                            pkce.challenge(),
                            "code_challenge_method",
                            "S256")));
            HttpResponse<String> atLoopback = followToLoopback(browser, authorize, redirectUri);
            if (atLoopback.statusCode() != 200) {
                throw new CliFailure(ExitCodes.ERROR, "the login's answer does not belong to this login (state)");
            }
            String code = receiver.awaitCode(5);
            return exchange(browser, code, redirectUri, pkce);
        } catch (LoopbackReceiver.AuthorizationError e) {
            throw new CliFailure(ExitCodes.ERROR, "the platform refused the clerk's login: " + e.getMessage());
        } catch (TimeoutException e) {
            throw new CliFailure(ExitCodes.ERROR, "the login did not return to this program");
        } catch (IOException e) {
            throw Unreachable.failure("the platform (" + endpoints.platform() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCodes.ERROR, "interrupted");
        }
    }

    /** GETs as a browser does until the redirect to the loopback receiver, which it then delivers. */
    private HttpResponse<String> followToLoopback(HttpClient browser, URI start, URI redirectUri)
            throws IOException, InterruptedException {
        URI next = start;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            HttpResponse<String> response = get(browser, next);
            if (response.statusCode() / 100 != 3) {
                throw new CliFailure(ExitCodes.ERROR, refusal(response));
            }
            next = response.uri()
                    .resolve(response.headers()
                            .firstValue("Location")
                            .orElseThrow(() -> new CliFailure(
                                    ExitCodes.ERROR, "a redirect without a Location from " + response.uri())));
            if (isLoopback(next, redirectUri)) {
                return get(browser, next);
            }
        }
        throw new CliFailure(ExitCodes.ERROR, "the login took more than " + MAX_HOPS + " redirects");
    }

    private static boolean isLoopback(URI uri, URI redirectUri) {
        return "http".equals(uri.getScheme())
                && redirectUri.getHost().equals(uri.getHost())
                && redirectUri.getPort() == uri.getPort()
                && redirectUri.getPath().equals(uri.getPath());
    }

    private static HttpResponse<String> get(HttpClient browser, URI uri) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(uri)
                        // the loopback receiver is plain HTTP/1.1: no h2c upgrade attempt
                        .version(
                                "http".equals(uri.getScheme())
                                        ? HttpClient.Version.HTTP_1_1
                                        : HttpClient.Version.HTTP_2)
                        .header("Accept", "text/html")
                        .timeout(TIMEOUT)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Why the login stopped: the card login's refusal code when it gave one, else the page's status. */
    static String refusal(HttpResponse<String> response) {
        return response.headers()
                .firstValue(REFUSAL_HEADER)
                .map(code -> "the platform refused the clerk's card login: " + code)
                .orElse("the clerk's login stopped at " + response.uri().getScheme() + "://"
                        + response.uri().getAuthority() + response.uri().getPath() + " (HTTP "
                        + response.statusCode() + ")");
    }

    private String exchange(HttpClient browser, String code, URI redirectUri, Pkce pkce)
            throws IOException, InterruptedException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "authorization_code");
        parameters.put("code", code);
        parameters.put("redirect_uri", redirectUri.toString());
        parameters.put("client_id", CLIENT_ID);
        parameters.put("code_verifier", pkce.verifier());
        HttpResponse<String> response = browser.send(
                HttpRequest.newBuilder(endpoints.platform("/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = parse(response.body());
        String token = answer.path("access_token").asText("");
        if (response.statusCode() != 200 || token.isEmpty()) {
            throw new CliFailure(
                    ExitCodes.ERROR,
                    "the platform gave no access token (HTTP " + response.statusCode() + " "
                            + answer.path("error").asText("") + " "
                            + answer.path("error_description").asText("") + ")");
        }
        return token;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private SSLContext tls(KeyManager[] staffCard) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(staffCard, platformTrust, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
