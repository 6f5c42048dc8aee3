package org.sscard.adapters.support;

import java.util.Map;
import org.sscard.testsupport.TestTokenIssuer;

/** Tokens as the platform issues them to this service's callers. */
public final class Tokens {

    private Tokens() {}

    /** A pairwise token: sub = the provider's own ID, aud = the provider, issued to the portal (client_id). */
    public static String person(String localId, String provider) {
        return TestTokenIssuer.get().mint(localId, provider, c -> pairwise(c));
    }

    /** A pairwise token with a staff actor ({@code act}) of the organisation given. */
    public static String staff(String localId, String provider, String staffId, String organisation) {
        TestTokenIssuer issuer = TestTokenIssuer.get();
        return issuer.mint(
                localId,
                provider,
                c -> pairwise(c)
                        .claim(
                                "act",
                                Map.of(
                                        "sub",
                                        staffId,
                                        "iss",
                                        issuer.issuer(),
                                        "role",
                                        "CLERK",
                                        "organisation",
                                        organisation)));
    }

    /**
     * A hospital reception desk's token, as auth-service's reception-check grant issues it: a staff actor of the
     * hospital and {@code purpose=reception-check}, issued to the desk's client.
     */
    public static String reception(String localId, String provider, String staffId, String hospital) {
        TestTokenIssuer issuer = TestTokenIssuer.get();
        return issuer.mint(
                localId,
                provider,
                c -> c.claim("client_id", "reception-desk")
                        .claim("gty", null)
                        .claim("purpose", "reception-check")
                        .claim(
                                "act",
                                Map.of(
                                        "sub",
                                        staffId,
                                        "iss",
                                        issuer.issuer(),
                                        "role",
                                        "RECEPTION_CLERK",
                                        "organisation",
                                        hospital)));
    }

    /** A token exchanged by the portal: client_id the portal's, no client-credentials mark. */
    private static com.nimbusds.jwt.JWTClaimsSet.Builder pairwise(com.nimbusds.jwt.JWTClaimsSet.Builder claims) {
        return claims.claim("client_id", "portal-gateway").claim("gty", null);
    }

    /**
     * An operator token as auth-service's operator-action grant issues it: sub = client_id = the operator client,
     * {@code gty=operator-action}, {@code act} naming the staff member (opaque ID, role, organisation).
     */
    public static String operator(String client, String audience, String staffId, String role, String organisation) {
        return TestTokenIssuer.get()
                .mint(
                        client,
                        audience,
                        c -> c.claim("gty", "operator-action")
                                .claim("act", Map.of("sub", staffId, "role", role, "organisation", organisation)));
    }

    /** A client-credentials token: sub = client_id = the client. */
    public static String client(String clientId, String audience) {
        return TestTokenIssuer.get().mint(clientId, audience);
    }
}
