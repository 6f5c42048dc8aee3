package org.sscard.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** The OIDC authorization code flow with PKCE, as the portal gateway and a browser with a card run it. */
public final class CodeFlow {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Browser browser;
    private final String main;
    private final String clientId;
    private final String redirectUri;
    private final String verifier = random();
    private final String state = random();
    private final String nonce = random();

    public CodeFlow(Browser browser, String main, String clientId, String redirectUri) {
        this.browser = browser;
        this.main = main;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    public String authorizeUrl() throws Exception {
        return authorizeUrl(Map.of());
    }

    /** The authorization request with extra parameters (e.g. a reception desk's {@code acting_staff}). */
    public String authorizeUrl(Map<String, String> extra) throws Exception {
        StringBuilder more = new StringBuilder();
        extra.forEach((name, value) ->
                more.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return main + "/oauth2/authorize?response_type=code&client_id=" + clientId + "&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + "&state=" + state
                + "&nonce=" + nonce + "&code_challenge=" + challenge + "&code_challenge_method=S256" + more;
    }

    /** The code from the client's redirect URI, after checking the state came back. */
    public String codeFrom(String location) {
        assertThat(location).startsWith(redirectUri + "?");
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(query).containsEntry("state", state);
        return query.get("code");
    }

    /**
     * The token response for the code, exchanged as the confidential client ({@code clientAuthentication}: its
     * private_key_jwt form parameters) with the PKCE verifier.
     */
    public Browser.Page exchange(String code, Map<String, String> clientAuthentication, String codeVerifier)
            throws Exception {
        Map<String, String> form = new java.util.HashMap<>(clientAuthentication);
        form.putAll(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                redirectUri,
                "code_verifier",
                codeVerifier));
        return browser.postForm(main + "/oauth2/token", form);
    }

    public String verifier() {
        return verifier;
    }

    /** The ID token's claims, after verifying its RS256 signature with the provider's published JWKS. */
    public JWTClaimsSet verifiedIdToken(Browser.Page tokenResponse) throws Exception {
        assertThat(tokenResponse.status()).as(tokenResponse.body()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(tokenResponse.body());
        SignedJWT idToken = SignedJWT.parse(tokens.path("id_token").asText());
        JWKSet keys = JWKSet.parse(browser.get(main + "/oauth2/jwks").body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(key).as("signing key published in the JWKS").isNotNull();
        assertThat(idToken.verify(new RSASSAVerifier(key.toRSAPublicKey())))
                .as("signature verifies")
                .isTrue();
        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(main);
        assertThat(claims.getAudience()).containsExactly(clientId);
        assertThat(claims.getStringClaim("nonce")).isEqualTo(nonce);
        return claims;
    }

    public static String idTokenOf(Browser.Page tokenResponse) throws Exception {
        return JSON.readTree(tokenResponse.body()).path("id_token").asText();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
