package org.sscard.common.token;

/**
 * Where a service gets the bearer tokens it presents to another service: from auth-service's token endpoint
 * (client credentials, the client authenticated by {@code private_key_jwt} with its service certificate), or, in
 * auth-service itself, minted directly by the issuer.
 */
@FunctionalInterface
public interface ServiceTokens {

    /** A bearer access token whose audience is {@code audience} (the called service's name). */
    String accessToken(String audience);

    /** The value of an {@code Authorization} header for a call to {@code audience}. */
    default String authorization(String audience) {
        return "Bearer " + accessToken(audience);
    }
}
