package org.sscard.gateway.support;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.TestTokenIssuer;

/**
 * A stand-in for auth-service's OIDC side, on loopback, signing with {@link TestTokenIssuer}'s key (so its JWKS and
 * issuer are the tokens' ones): {@code /oauth2/authorize} logs in whoever the test names ({@code login_as}) and
 * redirects with a code; {@code /oauth2/token} redeems it only with the PKCE verifier and a client assertion
 * signed by the certificate in its {@code x5c}; RFC 8693 token exchange asks the real relay, as auth-service does,
 * for the provider's own ID and mints {@code sub} = that ID, {@code aud} = the provider; client credentials mint
 * service tokens. {@code /connect/logout} goes to the post-logout URI. Counts what it did.
 */
public final class StandInAuthServer implements AutoCloseable {

    private record Code(UUID person, String challenge, String nonce, String redirectUri) {}

    private final HttpServer server;
    private final TestTokenIssuer issuer = TestTokenIssuer.get();
    private final RelayFixture relay;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, UUID> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> exchanges = new ConcurrentHashMap<>();
    private final AtomicInteger logouts = new AtomicInteger();
    private volatile boolean refuseExchanges;
    private volatile UUID nextLogin;

    public StandInAuthServer(RelayFixture relay) {
        this.relay = relay;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth2/authorize", this::authorize);
        server.createContext("/oauth2/token", this::token);
        server.createContext("/connect/logout", this::logout);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int exchangesFor(String provider) {
        return exchanges.getOrDefault(provider, new AtomicInteger()).get();
    }

    public int logouts() {
        return logouts.get();
    }

    /** Whom the authorize endpoint logs in when the request does not say ({@code login_as}): a real browser. */
    public void nextLogin(UUID person) {
        nextLogin = person;
    }

    /** Makes every later exchange fail as if auth-service were broken. */
    public void refuseExchanges(boolean refuse) {
        refuseExchanges = refuse;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null
                || query.get("nonce") == null
                || !"portal-gateway".equals(query.get("client_id"))) {
            respond(exchange, 400, "text/plain", "PKCE (S256), nonce and client_id portal-gateway are required");
            return;
        }
        String code = UUID.randomUUID().toString();
        UUID person = query.containsKey("login_as") ? UUID.fromString(query.get("login_as")) : nextLogin;
        codes.put(code, new Code(person, query.get("code_challenge"), query.get("nonce"), query.get("redirect_uri")));
        redirect(
                exchange,
                query.get("redirect_uri") + "?code=" + code + "&state="
                        + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(form)) {
            respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> redeem(exchange, form);
            case "urn:ietf:params:oauth:grant-type:token-exchange" -> exchangeToken(exchange, form);
            case "client_credentials" ->
                tokenResponse(exchange, issuer.mint("portal-gateway", form.get("scope")), null);
            default -> respond(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
        }
    }

    private void redeem(HttpExchange exchange, Map<String, String> form) throws IOException {
        Code code = codes.remove(form.getOrDefault("code", ""));
        if (code == null
                || !code.redirectUri().equals(form.get("redirect_uri"))
                || !code.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        String access = issuer.mint(code.person().toString(), "portal-gateway");
        accessTokens.put(access, code.person());
        String id = issuer.mint(
                code.person().toString(),
                "portal-gateway",
                claims -> claims.claim("nonce", code.nonce())
                        .claim("login_profile", "resident")
                        .claim("azp", "portal-gateway")
                        .claim("auth_time", new Date()));
        tokenResponse(exchange, access, id);
    }

    private void exchangeToken(HttpExchange exchange, Map<String, String> form) throws IOException {
        UUID person = accessTokens.get(form.getOrDefault("subject_token", ""));
        String provider = form.get("audience");
        if (refuseExchanges) {
            respond(exchange, 500, "application/json", "{\"error\":\"server_error\"}");
            return;
        }
        if (person == null) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        String localNumber = relay.localNumber(person, provider);
        if (localNumber == null) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_target\"}");
            return;
        }
        exchanges.computeIfAbsent(provider, key -> new AtomicInteger()).incrementAndGet();
        tokenResponse(exchange, issuer.mint(localNumber, provider), null);
    }

    private void logout(HttpExchange exchange) throws IOException {
        logouts.incrementAndGet();
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        redirect(exchange, query.getOrDefault("post_logout_redirect_uri", "/"));
    }

    private boolean clientAuthenticated(Map<String, String> form) {
        try {
            SignedJWT assertion = SignedJWT.parse(form.getOrDefault("client_assertion", ""));
            RSAPublicKey key = (RSAPublicKey) X509CertUtils.parse(
                            assertion.getHeader().getX509CertChain().get(0).decode())
                    .getPublicKey();
            JWTClaimsSet claims = assertion.getJWTClaimsSet();
            return assertion.verify(new RSASSAVerifier(key))
                    && "portal-gateway".equals(claims.getIssuer())
                    && "portal-gateway".equals(claims.getSubject())
                    && "portal-gateway".equals(form.get("client_id"))
                    && claims.getAudience().equals(List.of(url() + "/oauth2/token"))
                    && claims.getExpirationTime().after(new Date());
        } catch (Exception e) {
            return false;
        }
    }

    private static void tokenResponse(HttpExchange exchange, String access, String id) throws IOException {
        respond(
                exchange,
                200,
                "application/json",
                "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300,\"scope\":\"openid profile\""
                        + (id == null ? "" : ",\"id_token\":\"" + id + "\"") + "}");
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        if (body == null) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", URI.create(location).toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
