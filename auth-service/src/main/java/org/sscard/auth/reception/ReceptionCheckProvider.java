package org.sscard.auth.reception;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.sscard.auth.relay.RelayReceptionCheck;

/**
 * The reception check, in order: the client may use the grant; the actor token is an active reception clerk's; the
 * patient's card passes the card login's own checks (or the SSN path is taken); then one relay call finds the
 * patient and their insurers (and logs it in the patient's access log); the token is minted only for an insurer that
 * lets the clerk's hospital check. The token is not stored: it is a JWT the insurer verifies with the JWKS, and
 * auth-service keeps no record of patients (the relay's access log is the record).
 */
final class ReceptionCheckProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ReceptionCheckProvider.class);

    private final ReceptionClerks clerks;
    private final ReceptionPatients patients;
    private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

    ReceptionCheckProvider(
            ReceptionClerks clerks, ReceptionPatients patients, OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
        this.clerks = clerks;
        this.patients = patients;
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        ReceptionCheckRequest request = (ReceptionCheckRequest) authentication;
        OAuth2ClientAuthenticationToken client = authenticatedClient(request);
        RegisteredClient desk = client.getRegisteredClient();
        if (!Boolean.TRUE.equals(desk.getClientSettings().getSetting(ReceptionCheck.CLIENT_SETTING))
                || !desk.getAuthorizationGrantTypes().contains(ReceptionCheck.GRANT_TYPE)) {
            throw new ReceptionRefusal(ReceptionError.UNAUTHORIZED_CLIENT, "this client may not check patients");
        }
        ReceptionClerks.Clerk clerk = clerks.require(request.actorToken());
        try {
            RelayReceptionCheck found = patients.find(clerk, request.patient(), request.audience());
            OAuth2AccessTokenAuthenticationToken issued = issue(request, client, clerk, found);
            log.atInfo()
                    .setMessage("reception check")
                    .addKeyValue("event.action", "reception-check")
                    .addKeyValue("event.outcome", "success")
                    .addKeyValue("sscard.reception.clerk", clerk.staffId())
                    .addKeyValue("sscard.reception.method", request.patient().method())
                    .log();
            return issued;
        } catch (ReceptionRefusal refusal) {
            log.atInfo()
                    .setMessage("reception check refused")
                    .addKeyValue("event.action", "reception-check")
                    .addKeyValue("event.outcome", "failure")
                    .addKeyValue("event.reason", refusal.error().code())
                    .addKeyValue("sscard.reception.clerk", clerk.staffId())
                    .addKeyValue("sscard.reception.method", request.patient().method())
                    .log();
            throw refusal;
        }
    }

    private OAuth2AccessTokenAuthenticationToken issue(
            ReceptionCheckRequest request,
            OAuth2ClientAuthenticationToken client,
            ReceptionClerks.Clerk clerk,
            RelayReceptionCheck found) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (found.patientNumber() != null) {
            parameters.put("patient_number", found.patientNumber());
        }
        RelayReceptionCheck.Insurer insurer = found.coverage()
                .orElseThrow(() ->
                        new ReceptionRefusal(ReceptionError.NO_COVERAGE, "the patient has no insurer", parameters));
        if (request.audience() != null && !request.audience().equals(insurer.providerKey())
                || insurer.localId() == null) {
            throw new ReceptionRefusal(
                    ReceptionError.TEMPORARILY_UNAVAILABLE, "the relay answered for another insurer");
        }
        if (!found.staffOrganisations().contains(clerk.organisation())) {
            throw new ReceptionRefusal(
                    ReceptionError.INVALID_TARGET,
                    insurer.providerKey() + " does not let " + clerk.organisation() + " check its insured");
        }
        String issuer = AuthorizationServerContextHolder.getContext().getIssuer();
        Map<String, Object> act = new LinkedHashMap<>();
        act.put("sub", clerk.staffId().toString());
        act.put("iss", issuer);
        act.put("role", clerk.role());
        act.put("organisation", clerk.organisation());
        OAuth2Token token = tokens.generate(DefaultOAuth2TokenContext.builder()
                .registeredClient(client.getRegisteredClient())
                .principal(new InsuredPatient(insurer.localId(), insurer.providerKey(), act))
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorizedScopes(Set.of())
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(ReceptionCheck.GRANT_TYPE)
                .authorizationGrant(request)
                .build());
        if (token == null) {
            throw new ReceptionRefusal(ReceptionError.TEMPORARILY_UNAVAILABLE, "no token could be made");
        }
        OAuth2AccessToken accessToken = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                token.getTokenValue(),
                token.getIssuedAt(),
                token.getExpiresAt(),
                Set.of());
        parameters.put("insurer", insurer.providerKey());
        parameters.put("insurers", insurers(found));
        return new OAuth2AccessTokenAuthenticationToken(
                client.getRegisteredClient(), client, accessToken, null, parameters);
    }

    /** The patient's insurers, newest first, with snake_case members; {@code valid_to} only when it ended. */
    static List<Map<String, Object>> insurers(RelayReceptionCheck found) {
        List<Map<String, Object>> insurers = new ArrayList<>();
        for (RelayReceptionCheck.InsurerEntry entry : found.insurers()) {
            Map<String, Object> insurer = new LinkedHashMap<>();
            insurer.put("key", entry.providerKey());
            insurer.put("name_ja", entry.nameJa());
            insurer.put("name_en", entry.nameEn());
            insurer.put("valid_from", entry.validFrom());
            if (entry.validTo() != null) {
                insurer.put("valid_to", entry.validTo());
            }
            insurers.add(insurer);
        }
        return insurers;
    }

    private static OAuth2ClientAuthenticationToken authenticatedClient(ReceptionCheckRequest request) {
        if (request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.isAuthenticated()
                && client.getRegisteredClient() != null) {
            return client;
        }
        throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ReceptionCheckRequest.class.isAssignableFrom(authentication);
    }
}
