package org.sscard.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.ServiceTokens;

/**
 * A stand-in for auth-service's token issuer in the tests of the services it serves: a real RS256 key published as
 * a JWKS over HTTP on loopback, tokens minted directly for a client and audience, and a minimal client-credentials
 * token endpoint that checks the client assertion's signature against its {@code x5c} certificate (the full
 * certificate checks are auth-service's and tested there). One per test JVM.
 */
public final class TestTokenIssuer {

    private static TestTokenIssuer instance;

    private final RSAKey key = generate();
    /** Signs tokens that look right but that no JWKS publishes. */
    private final RSAKey foreignKey = generate();

    private final HttpServer server;
    private final String issuer;

    private TestTokenIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(
                "/oauth2/jwks", exchange -> respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/oauth2/token", this::token);
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static synchronized TestTokenIssuer get() {
        if (instance == null) {
            instance = new TestTokenIssuer();
        }
        return instance;
    }

    public String issuer() {
        return issuer;
    }

    /**
     * A valid five-minute client-credentials token for {@code clientId} ({@code sub} = {@code client_id}, marked
     * {@code gty}), addressed to {@code audience}. A test minting a person's token changes those claims.
     */
    public String mint(String clientId, String audience) {
        return mint(clientId, audience, claims -> {});
    }

    /** The same, with claims changed by the test (an expired, misaddressed or foreign token). */
    public String mint(String clientId, String audience, Consumer<JWTClaimsSet.Builder> change) {
        return sign(key, claims(clientId, audience, change));
    }

    /** A token correct in every claim but signed by a key the issuer never published. */
    public String forge(String clientId, String audience) {
        return sign(foreignKey, claims(clientId, audience, claims -> {}));
    }

    /** Tokens for {@code clientId}, minted here (as auth-service mints its own). */
    public ServiceTokens tokensFor(String clientId) {
        return audience -> mint(clientId, audience);
    }

    private JWTClaimsSet claims(String clientId, String audience, Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(clientId)
                .audience(audience)
                .claim("client_id", clientId)
                .claim(ServiceTokenVerification.GRANT_TYPE_CLAIM, ServiceTokenVerification.CLIENT_CREDENTIALS)
                .claim("scope", audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
        change.accept(claims);
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            SignedJWT assertion = SignedJWT.parse(form.getOrDefault("client_assertion", ""));
            RSAPublicKey clientKey = (RSAPublicKey) X509CertUtils.parse(
                            assertion.getHeader().getX509CertChain().get(0).decode())
                    .getPublicKey();
            JWTClaimsSet claims = assertion.getJWTClaimsSet();
            boolean valid = "client_credentials".equals(form.get("grant_type"))
                    && assertion.verify(new RSASSAVerifier(clientKey))
                    && claims.getAudience().contains(issuer + "/oauth2/token")
                    && claims.getExpirationTime().after(new Date());
            if (!valid) {
                respond(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            String token = mint(claims.getSubject(), form.get("scope"));
            respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        } catch (ParseException | JOSEException | RuntimeException e) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
