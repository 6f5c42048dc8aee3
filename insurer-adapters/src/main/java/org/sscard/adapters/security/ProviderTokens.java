package org.sscard.adapters.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.Providers;
import org.sscard.common.operator.Operator;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;

/**
 * One token check per provider, chosen by the first path segment: a token is accepted at {@code /<key>/...} only
 * if it is addressed to {@code <key>} (besides the platform issuer's signature, issuer and expiry), so a token for
 * one provider never opens another's data. A token whose {@code client_id} is its {@code sub} and that carries no
 * person's claims ({@link ServiceTokenVerification#isClientToken}) is a service client's; any other is a person's
 * (pairwise: {@code sub} = this provider's own ID for them), unless it is an {@linkplain Operator operator token}: an
 * operator client's token naming the staff member it acts for, which imports for the provider its operator
 * administers (an insurer's own administrator) and reviews that insurer's dependant verifications, nothing else.
 */
final class ProviderTokens implements AuthenticationManagerResolver<HttpServletRequest> {

    /** The {@code purpose} claim of the tokens auth-service issues to a hospital's reception desk. */
    static final String RECEPTION_CHECK = "reception-check";

    private final Map<String, AuthenticationManager> managers = new HashMap<>();
    private final String issuer;
    private final Providers providers;

    ProviderTokens(Providers providers, TokenProperties tokens, Supplier<SSLContext> trust) {
        this.issuer = tokens.issuer().toString();
        this.providers = providers;
        for (Provider provider : providers.all()) {
            TokenProperties own = new TokenProperties(
                    tokens.issuer(), tokens.jwkSetUri(), tokens.tokenUri(), provider.key(), tokens.clientId());
            JwtAuthenticationProvider verification =
                    new JwtAuthenticationProvider(ServiceTokenVerification.decoder(own, trust));
            verification.setJwtAuthenticationConverter(jwt -> authenticate(provider, jwt));
            managers.put(provider.key(), new ProviderManager(verification));
        }
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String first = path.startsWith("/") ? path.substring(1).split("/", 2)[0] : "";
        AuthenticationManager manager = managers.get(first);
        return manager != null
                ? manager
                : authentication -> {
                    throw new InvalidBearerTokenException("no provider here accepts tokens");
                };
    }

    private CallerAuthentication authenticate(Provider provider, Jwt jwt) {
        String subject = jwt.getSubject();
        Optional<Operator> operator = Operator.of(jwt);
        if (operator.isPresent()) {
            return operator(provider, jwt, operator.get());
        }
        if (ServiceTokenVerification.isClientToken(jwt)) {
            Caller client = new Caller(provider.key(), Caller.Kind.CLIENT, subject, null, null, null);
            return new CallerAuthentication(
                    jwt,
                    client,
                    provider.operators().contains(subject)
                            ? List.of(new SimpleGrantedAuthority(Authority.IMPORT.name()))
                            : List.of());
        }
        Map<String, Object> act = jwt.getClaimAsMap("act");
        if (act == null) {
            Caller person = new Caller(provider.key(), Caller.Kind.PERSON, subject, null, null, null);
            // answering for one's dependants is the person's own act: never a staff member's acting for them
            return new CallerAuthentication(
                    jwt,
                    person,
                    List.of(
                            new SimpleGrantedAuthority(Authority.PERSON_READ.name()),
                            new SimpleGrantedAuthority(Authority.DEPENDANTS_ANSWER.name())));
        }
        String organisation = string(act.get("organisation"));
        Caller staff = new Caller(
                provider.key(),
                Caller.Kind.PERSON,
                subject,
                string(act.get("sub")),
                organisation,
                string(act.get("role")));
        // staff act for a person only for an organisation this provider names, and as the platform issuer says
        boolean allowed = staff.actor() != null
                && issuer.equals(string(act.get("iss")))
                && provider.staffOrganisations().contains(organisation);
        // a reception desk's token (no PIN, no resident present at a screen) opens the eligibility and nothing else
        Authority granted = RECEPTION_CHECK.equals(jwt.getClaimAsString("purpose"))
                ? Authority.ELIGIBILITY_READ
                : Authority.PERSON_READ;
        return new CallerAuthentication(
                jwt, staff, allowed ? List.of(new SimpleGrantedAuthority(granted.name())) : List.of());
    }

    /**
     * An operator token: IMPORT at this provider only if it comes from one of the provider's operator clients and
     * its operator administers this very provider (audience = provider key = the operator's organisation), and at an
     * insurer DEPENDANTS_REVIEW (the dependant verifications its insured persons submitted) and its members and
     * linkage (MEMBER_LIST, MEMBER_REGISTER, LINKAGE_READ: the joiners and leavers it registers); a city administrator or
     * another insurer's administrator gets nothing here. It never reads a person's data through the residents' APIs.
     */
    private CallerAuthentication operator(Provider provider, Jwt jwt, Operator operator) {
        Caller caller = new Caller(
                provider.key(),
                Caller.Kind.OPERATOR,
                operator.client(),
                operator.staffId(),
                operator.organisation(),
                operator.role());
        boolean allowed =
                providers.operatorClients(provider).contains(operator.client()) && operator.administers(provider.key());
        if (!allowed) {
            return new CallerAuthentication(jwt, caller, List.of());
        }
        List<SimpleGrantedAuthority> granted = provider.isInsurer()
                ? List.of(
                        new SimpleGrantedAuthority(Authority.IMPORT.name()),
                        new SimpleGrantedAuthority(Authority.DEPENDANTS_REVIEW.name()),
                        new SimpleGrantedAuthority(Authority.MEMBER_LIST.name()),
                        new SimpleGrantedAuthority(Authority.MEMBER_REGISTER.name()),
                        new SimpleGrantedAuthority(Authority.LINKAGE_READ.name()))
                : List.of(new SimpleGrantedAuthority(Authority.IMPORT.name()));
        return new CallerAuthentication(jwt, caller, granted);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
