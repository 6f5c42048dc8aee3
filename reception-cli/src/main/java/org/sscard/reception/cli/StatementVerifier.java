package org.sscard.reception.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks an eligibility statement offline against a saved copy of the desk's published keys: a compact JWS whose
 * header says {@code typ=eligibility-statement+jwt} (so that no access token passes for one, and no statement for a
 * token) and {@code alg=ES256} (nothing else, never {@code none}), signed by the key its {@code kid} names, for the
 * hospital asking ({@code aud}), and not expired at the time asked about.
 */
final class StatementVerifier {

    static final String TYPE = "eligibility-statement+jwt";

    /** Why a statement is not valid, in words. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder CANONICAL = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatementVerifier() {}

    /** The statement's claims when it is valid for {@code hospital} at {@code at}. */
    static JsonNode verify(String compact, JsonNode jwks, String hospital, Instant at) throws Invalid {
        String[] parts = compact.strip().split("\\.", -1);
        if (parts.length != 3) {
            throw new Invalid("not a compact JWS (three parts separated by dots)");
        }
        JsonNode header = json(parts[0], "header");
        String alg = header.path("alg").asText("");
        if (!alg.equals("ES256")) {
            throw new Invalid("algorithm '" + alg + "' refused: a statement is signed with ES256");
        }
        if (!TYPE.equals(header.path("typ").asText(""))) {
            throw new Invalid("type '" + header.path("typ").asText("") + "' refused: not an eligibility statement");
        }
        if (header.has("crit")) {
            throw new Invalid("critical header parameters are not understood here");
        }
        String kid = header.path("kid").asText("");
        PublicKey key = key(jwks, kid);
        if (!signatureValid(key, parts)) {
            throw new Invalid("the signature does not verify: the statement was altered or not signed by this key");
        }
        JsonNode claims = json(parts[1], "claims");
        if (!audience(claims).contains(hospital)) {
            throw new Invalid("the statement is for " + audience(claims) + ", not for " + hospital);
        }
        if (!claims.path("exp").canConvertToLong()) {
            throw new Invalid("the statement has no expiry (exp)");
        }
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
        if (!at.isBefore(expires)) {
            throw new Invalid("the statement expired at " + expires + " (checked at " + at + ")");
        }
        if (claims.path("iat").canConvertToLong()
                && Instant.ofEpochSecond(claims.path("iat").asLong()).isAfter(at)) {
            throw new Invalid("the statement was issued after " + at);
        }
        return claims;
    }

    private static java.util.List<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        if (aud.isTextual()) {
            return java.util.List.of(aud.asText());
        }
        java.util.List<String> audiences = new java.util.ArrayList<>();
        aud.forEach(a -> audiences.add(a.asText()));
        return audiences;
    }

    private static PublicKey key(JsonNode jwks, String kid) throws Invalid {
        for (JsonNode jwk : jwks.path("keys")) {
            if (!kid.isEmpty() && kid.equals(jwk.path("kid").asText())) {
                if (!"EC".equals(jwk.path("kty").asText())
                        || !"P-256".equals(jwk.path("crv").asText())) {
                    throw new Invalid("key '" + kid + "' is not an EC P-256 key");
                }
                if (jwk.has("use") && !"sig".equals(jwk.path("use").asText())) {
                    throw new Invalid("key '" + kid + "' is not a signing key");
                }
                return ecKey(jwk);
            }
        }
        throw new Invalid("no key '" + kid + "' in the saved keys");
    }

    private static PublicKey ecKey(JsonNode jwk) throws Invalid {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
            ECPoint point = new ECPoint(coordinate(jwk, "x"), coordinate(jwk, "y"));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Invalid("key '" + jwk.path("kid").asText() + "' cannot be read: " + e.getMessage());
        }
    }

    private static BigInteger coordinate(JsonNode jwk, String name) {
        return new BigInteger(1, BASE64URL.decode(jwk.path(name).asText("")));
    }

    /** ES256 (RFC 7518 §3.4): SHA-256 with ECDSA, the signature as R || S of 32 bytes each. */
    private static boolean signatureValid(PublicKey key, String[] parts) throws Invalid {
        byte[] signature;
        try {
            signature = strict(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new Invalid("the signature is not base64url without padding");
        }
        if (signature.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * A JWS part decoded only when it is the one text that encodes its bytes (RFC 7515 §2: base64url without
     * padding). java.util.Base64 ignores the unused low bits of the last character, so the 86-character signature
     * has other spellings that decode to the same 64 bytes; a statement altered in its last character must not
     * verify.
     */
    private static byte[] strict(String part) {
        if (part.indexOf('=') >= 0) {
            throw new IllegalArgumentException("padded");
        }
        byte[] bytes = BASE64URL.decode(part);
        if (!CANONICAL.encodeToString(bytes).equals(part)) {
            throw new IllegalArgumentException("not the canonical encoding");
        }
        return bytes;
    }

    private static JsonNode json(String part, String what) throws Invalid {
        byte[] bytes;
        try {
            bytes = strict(part);
        } catch (IllegalArgumentException e) {
            throw new Invalid("the " + what + " is not base64url without padding");
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new Invalid("the " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid("the " + what + " cannot be read");
        }
    }
}
