package org.sscard.auth.pairwise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeActor;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeCompositeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.sscard.auth.login.CardAuthentication;
import org.sscard.auth.login.LoginProfile;
import org.sscard.auth.relay.RelayDirectory;

/**
 * RFC 8693 token exchange into a pairwise token for one provider: the portal exchanges the resident's access token
 * for a token whose {@code sub} is the provider's own ID for the person (the relay's mapping), whose {@code aud} is
 * the provider's key, and which lives as briefly as any access token. Refused unless the resident joined that
 * provider and the provider knows them; every token issued is written to the resident's access log at the relay. When a staff
 * member's token comes along as the actor token, {@code act} names them, their role and organisation; only when the
 * resident named them ({@code may_act}) and the provider is of their organisation or lists it among its
 * {@code staffOrganisations}.
 */
public final class PairwiseTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final RelayDirectory relay;

    public PairwiseTokenClaims(RelayDirectory relay) {
        this.relay = relay;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!AuthorizationGrantType.TOKEN_EXCHANGE.equals(context.getAuthorizationGrantType())
                || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        OAuth2TokenExchangeAuthenticationToken request = context.getAuthorizationGrant();
        Set<String> audiences = request.getAudiences();
        if (audiences.size() != 1 || !request.getResources().isEmpty()) {
            throw refused("invalid_target", "ask for exactly one provider, by its key, as the audience");
        }
        String provider = audiences.iterator().next();
        // the subject token's authorization: only the client the resident logged in to may exchange their token
        if (context.getAuthorization() == null
                || !context.getAuthorization()
                        .getRegisteredClientId()
                        .equals(context.getRegisteredClient().getId())) {
            throw refused("invalid_grant", "the subject token was not issued to this client");
        }
        Authentication principal = context.getPrincipal();
        List<OAuth2TokenExchangeActor> actors = List.of();
        if (principal instanceof OAuth2TokenExchangeCompositeAuthenticationToken composite) {
            principal = composite.getSubject();
            actors = composite.getActors();
        }
        if (!(principal instanceof CardAuthentication card) || card.holder().profile() != LoginProfile.RESIDENT) {
            throw refused("invalid_grant", "only a resident's token can be exchanged for a provider's token");
        }
        UUID person = UUID.fromString(card.holder().subject());
        String actingFor = "person:" + person;
        Map<String, Object> act = null;
        if (!actors.isEmpty()) {
            // Spring's token exchange compares the actor with the subject token's may_act only when there is one:
            // here there must be one (the resident named this staff member at the desk), and it must match
            OAuth2TokenExchangeActor actor = actors.get(0);
            if (actors.size() != 1
                    || !LoginProfile.STAFF.slug().equals(actor.getClaims().get("login_profile"))) {
                throw refused("invalid_grant", "only a staff member's token can act for a resident");
            }
            if (!namedBySubject(context.getAuthorization(), actor)) {
                throw refused("invalid_grant", "the resident did not name this staff member (may_act)");
            }
            // staff act only for a provider of their own organisation or one that lists it (the relay's provider
            // configuration, staff-organisations): a clerk of one insurer never gets another's or a hospital's token
            Object organisation = actor.getClaims().get("organisation");
            if (!relay.provider(provider)
                    .map(found -> found.acceptsStaffOf(organisation instanceof String text ? text : null))
                    .orElse(false)) {
                throw refused(
                        "invalid_grant", "staff of " + organisation + " may not act for a resident at " + provider);
            }
            act = act(actor);
            actingFor = "staff:" + actor.getSubject();
        }
        // one call: consent, the provider's ID and the resident's access-log row before the token leaves (no record,
        // no token); everything the relay need not be asked for was checked above
        String localId = relay.releaseForToken(person, provider, actingFor)
                .providerLocalIdOrElseThrow(refusal -> switch (refusal) {
                    case NOT_JOINED -> refused("invalid_target", "the resident has not joined " + provider);
                    case NO_MAPPING -> refused("invalid_target", provider + " has no ID for the resident");
                });
        context.getClaims()
                .subject(localId)
                .audience(List.of(provider))
                .claims(claims -> claims.keySet().removeAll(Set.of("sid", "login_profile")));
        if (act != null) {
            context.getClaims().claim("act", act);
        }
    }

    private static boolean namedBySubject(OAuth2Authorization subject, OAuth2TokenExchangeActor actor) {
        OAuth2Authorization.Token<?> token = subject.getAccessToken();
        Object mayAct = token == null || token.getClaims() == null
                ? null
                : token.getClaims().get("may_act");
        return mayAct instanceof Map<?, ?> named
                && actor.getSubject() != null
                && actor.getSubject().equals(named.get("sub"))
                && actor.getIssuer() != null
                && actor.getIssuer().equals(String.valueOf(named.get("iss")));
    }

    private static Map<String, Object> act(OAuth2TokenExchangeActor actor) {
        Map<String, Object> act = new LinkedHashMap<>();
        act.put("sub", actor.getSubject());
        act.put("iss", actor.getIssuer());
        for (String claim : List.of("role", "organisation")) {
            if (actor.getClaims().get(claim) != null) {
                act.put(claim, actor.getClaims().get(claim));
            }
        }
        return act;
    }

    private static OAuth2AuthenticationException refused(String code, String description) {
        return new OAuth2AuthenticationException(
                new OAuth2Error(code, description, "https://www.rfc-editor.org/rfc/rfc8693#section-2.2.2"));
    }
}
