package org.sscard.auth.oidc;

import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.sscard.auth.login.CardAuthentication;
import org.sscard.auth.login.CardHolder;
import org.sscard.auth.login.LoginProfile;

/**
 * Claims from the card login. {@code sub} is already the card holder's opaque relay ID (the authentication's name);
 * every token says which profile logged in, and staff tokens carry {@code role} and {@code organisation}.
 */
final class CardTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    @Override
    public void customize(JwtEncodingContext context) {
        if (!(context.getPrincipal() instanceof CardAuthentication card)) {
            return;
        }
        CardHolder holder = card.holder();
        context.getClaims().claim("login_profile", holder.profile().slug());
        if (holder.profile() == LoginProfile.STAFF) {
            context.getClaims().claim("role", holder.role()).claim("organisation", holder.organisation());
        }
    }
}
