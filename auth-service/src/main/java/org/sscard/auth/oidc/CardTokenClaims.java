package org.sscard.auth.oidc;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.sscard.auth.login.CardAuthentication;
import org.sscard.auth.login.CardHolder;
import org.sscard.auth.login.LoginProfile;

/**
 * Claims from the card login. {@code sub} is already the card holder's opaque relay ID (the authentication's name);
 * every token says which profile logged in, and staff tokens carry {@code role}, {@code organisation} and the staff
 * member's name ({@code name} in kanji, {@code name_kana}; left out when the relay did not give them). Every access
 * token names the client it was issued to ({@code client_id}, RFC 9068 §2.2): a resource server can tell the
 * reception desk's tokens from the reception CLI's, whose audience (the client) it may not know.
 *
 * <p>Delegation: at a reception desk (a client with staff delegation) the resident's own card login may name the
 * staff member at the desk ({@code acting_staff} = that staff member's {@code sub} in the authorization request).
 * The resident's access token then carries {@code may_act} (RFC 8693 §4.4) naming that staff member, and only that
 * staff member's token is accepted as the actor token when the desk exchanges it for a provider's token. The card and
 * its PIN at the desk are the resident's consent; no other client can ask for it.
 */
final class CardTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ACTING_STAFF = "acting_staff";

    @Override
    public void customize(JwtEncodingContext context) {
        if (!(context.getPrincipal() instanceof CardAuthentication card)) {
            return;
        }
        CardHolder holder = card.holder();
        context.getClaims().claim("login_profile", holder.profile().slug());
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
        }
        if (holder.profile() == LoginProfile.STAFF) {
            context.getClaims().claim("role", holder.role()).claim("organisation", holder.organisation());
            if (holder.name() != null) {
                context.getClaims().claim("name", holder.name());
            }
            if (holder.nameKana() != null) {
                context.getClaims().claim("name_kana", holder.nameKana());
            }
        } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                && AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())
                && Boolean.TRUE.equals(context.getRegisteredClient()
                        .getClientSettings()
                        .getSetting(RegisteredClients.STAFF_DELEGATION))) {
            String staff = actingStaff(context.getAuthorization());
            if (staff != null) {
                // a HashMap (the authorization store's Jackson allowlist refuses Map.of's immutable maps) and iss a
                // URL, as the tokens' own iss is stored: Spring compares the actor's iss with this one by equals
                Map<String, Object> mayAct = new HashMap<>();
                mayAct.put("sub", staff);
                mayAct.put("iss", issuer(context));
                context.getClaims().claim("may_act", mayAct);
            }
        }
    }

    private static URL issuer(JwtEncodingContext context) {
        try {
            return URI.create(context.getAuthorizationServerContext().getIssuer())
                    .toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("the issuer is not a URL", e);
        }
    }

    /** The staff member the resident's login named, if it is a well-formed staff subject (an opaque UUID). */
    private static String actingStaff(OAuth2Authorization authorization) {
        OAuth2AuthorizationRequest request =
                authorization == null ? null : authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Object value =
                request == null ? null : request.getAdditionalParameters().get(ACTING_STAFF);
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return UUID.fromString(text).toString().equals(text) ? text : null;
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
