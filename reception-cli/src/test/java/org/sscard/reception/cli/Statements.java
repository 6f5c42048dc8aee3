package org.sscard.reception.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Eligibility statements as the desk signs them (ES256, its own typ), with a key made here, and its JWKS. */
final class Statements {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    final KeyPair keys;
    final String kid;

    Statements(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
            this.kid = kid;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims as the contract names them; {@code exp} and {@code iat} in epoch seconds. */
    static Map<String, Object> claims(String hospital, long iat, long exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://desk.localhost:8087");
        claims.put("aud", List.of(hospital));
        claims.put("iat", iat);
        claims.put("exp", exp);
        claims.put("jti", "0b9f2a54-3f0c-4b7e-9b1e-1d5a2f6c7e10");
        claims.put("clerk", Map.of("sub", "c0ffee00-0000-4000-8000-000000000001", "name", "受付 良子"));
        claims.put("patient_number", "P0078901");
        claims.put("outcome", "VALID");
        // snake_case, as the desk signs it
        claims.put("coverage", Map.of("insurer_number", "00138999", "symbol", "鴨川", "number", "1007", "branch", "00"));
        claims.put("checked_at", "2026-11-02T00:30:00Z");
        return claims;
    }

    String sign(Map<String, Object> claims) {
        return sign(Map.of("alg", "ES256", "typ", StatementVerifier.TYPE, "kid", kid), claims);
    }

    String sign(Map<String, Object> header, Map<String, Object> claims) {
        return signed(part(header) + "." + part(claims));
    }

    /** The JWS over exactly this signing input (header and claims parts as given, canonical or not). */
    String signed(String signingInput) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(keys.getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured JWS (RFC 7515 alg none): no signature part. */
    static String unsigned(Map<String, Object> claims) {
        return part(Map.of("alg", "none", "typ", StatementVerifier.TYPE)) + "." + part(claims) + ".";
    }

    /** The public key as the desk publishes it at /.well-known/jwks.json. */
    String jwks() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "ES256");
        jwk.put("x", coordinate(key.getW().getAffineX()));
        jwk.put("y", coordinate(key.getW().getAffineY()));
        try {
            return JSON.writeValueAsString(Map.of("keys", List.of(jwk)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
        return BASE64URL.encodeToString(fixed);
    }

    static String part(Map<String, Object> map) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(map));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statement with one character of its given part changed (0 header, 1 claims, 2 signature). */
    static String altered(String compact, int part) {
        String[] parts = compact.split("\\.", -1);
        char[] chars = parts[part].toCharArray();
        int middle = chars.length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        parts[part] = new String(chars);
        return String.join(".", Arrays.asList(parts));
    }
}
