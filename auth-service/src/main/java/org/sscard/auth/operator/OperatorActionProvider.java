package org.sscard.auth.operator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * The operator-action grant, in order, cheapest first: the client may use the grant; the actor token is active in
 * the authorization store and was issued to this same client for a city or insurer administrator's staff-card
 * login; the audience is one that operator may act at; the relay's register still has their card and them active
 * as logged in. Then the token is minted and audited. It is not stored: a JWT of two minutes that the back end
 * verifies with the JWKS, so the store does not grow by a row per console call (and there is nothing to refresh).
 */
final class OperatorActionProvider implements AuthenticationProvider {

    private final ActorTokens actors;
    private final StaffRegister register;
    private final OperatorGrantAudit audit;
    private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

    OperatorActionProvider(
            ActorTokens actors,
            StaffRegister register,
            OperatorGrantAudit audit,
            OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
        this.actors = actors;
        this.register = register;
        this.audit = audit;
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OperatorActionRequest request = (OperatorActionRequest) authentication;
        OAuth2ClientAuthenticationToken client = authenticatedClient(request);
        GrantAttempt attempt = GrantAttempt.of(request);
        try {
            RegisteredClient console = client.getRegisteredClient();
            if (!Boolean.TRUE.equals(console.getClientSettings().getSetting(OperatorAction.CLIENT_SETTING))
                    || !console.getAuthorizationGrantTypes().contains(OperatorAction.GRANT_TYPE)) {
                throw new OperatorActionRefused(
                        OperatorRefusal.CLIENT_NOT_ALLOWED, "this client may not act for operators");
            }
            ActorTokens.Actor actor = actors.require(request.actorToken());
            attempt = attempt.by(actor.holder());
            OperatorRules.Staff staff = OperatorRules.staff(actor, console);
            OperatorRules.requireAudience(staff, request.audience());
            String name = register.requireActive(staff);
            OAuth2AccessTokenAuthenticationToken issued =
                    issue(request, client, staff, name == null ? staff.name() : name);
            audit.issued(attempt);
            return issued;
        } catch (OperatorActionRefused refused) {
            audit.refused(attempt, refused.refusal());
            throw refused;
        }
    }

    private OAuth2AccessTokenAuthenticationToken issue(
            OperatorActionRequest request,
            OAuth2ClientAuthenticationToken client,
            OperatorRules.Staff staff,
            String name) {
        Map<String, Object> act = new LinkedHashMap<>();
        act.put("sub", staff.id().toString());
        act.put("role", staff.role());
        act.put("organisation", staff.organisation());
        if (name != null) {
            act.put("name", name);
        }
        RegisteredClient console = client.getRegisteredClient();
        OAuth2Token token = tokens.generate(DefaultOAuth2TokenContext.builder()
                .registeredClient(console)
                .principal(new OperatorPrincipal(console.getClientId(), request.audience(), act))
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorizedScopes(Set.of())
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(OperatorAction.GRANT_TYPE)
                .authorizationGrant(request)
                .build());
        if (token == null) {
            throw new OperatorActionRefused(OperatorRefusal.UNAVAILABLE, "no token could be made");
        }
        OAuth2AccessToken accessToken = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                token.getTokenValue(),
                token.getIssuedAt(),
                token.getExpiresAt(),
                Set.of());
        return new OAuth2AccessTokenAuthenticationToken(
                console, client, accessToken, null, Map.of("issued_token_type", OperatorAction.ACCESS_TOKEN_TYPE));
    }

    private static OAuth2ClientAuthenticationToken authenticatedClient(OperatorActionRequest request) {
        if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.isAuthenticated()
                && client.getRegisteredClient() != null) {
            return client;
        }
        throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OperatorActionRequest.class.isAssignableFrom(authentication);
    }
}
