package org.sscard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A clerk at the reception API without the desk program's process: the staff card logs in as the public client
 * {@code sscard-reception} does (authorization code with PKCE S256; the redirect to the loopback address is read,
 * not served), and checks are posted with the access token. For the tests that need many checks quickly.
 */
final class DeskProgramLogin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REDIRECT = "http://127.0.0.1:49152/callback";

    private final HttpClient http;
    private final String deskUrl;
    private final String accessToken;

    private DeskProgramLogin(HttpClient http, String deskUrl, String accessToken) {
        this.http = http;
        this.deskUrl = deskUrl;
        this.accessToken = accessToken;
    }

    static DeskProgramLogin login(RunningPlatform platform, String staffCard, String pin)
            throws IOException, InterruptedException, GeneralSecurityException {
        HttpClient http = CardHolderClient.httpClient(platform.card(staffCard), pin, platform.caRoot());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        URI next = URI.create(platform.authUrl()
                + "/oauth2/authorize?response_type=code&client_id=sscard-reception&scope=openid&state=it"
                + "&code_challenge_method=S256&code_challenge=" + challenge + "&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8));
        for (int hops = 0; hops < 15 && !next.toString().startsWith(REDIRECT); hops++) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(next)
                            .header("Accept", "text/html")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                throw new IllegalStateException(
                        "the login stopped at " + next + ": " + response.statusCode() + " " + response.body());
            }
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
        }
        String code = query(next, "code");
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(URI.create(platform.authUrl() + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code"
                                + "&client_id=sscard-reception&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                                + "&code_verifier=" + verifier))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(token.body());
        if (!answer.hasNonNull("access_token")) {
            throw new IllegalStateException("the token request was refused: " + token.body());
        }
        return new DeskProgramLogin(
                http, platform.deskUrl(), answer.path("access_token").asText());
    }

    /** {@code POST /api/v1/eligibility-checks} with the clerk's token; the status and the JSON answer. */
    HttpResponse<String> check(Map<String, String> question) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(deskUrl + "/api/v1/eligibility-checks"))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(question)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no " + name + " in " + uri);
    }
}
