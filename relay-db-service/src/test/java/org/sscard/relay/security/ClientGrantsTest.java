package org.sscard.relay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sscard.relay.security.RelayAuthority.ACCESS_LOG_READ;
import static org.sscard.relay.security.RelayAuthority.CARD_LOGIN_CHECK;
import static org.sscard.relay.security.RelayAuthority.CARD_READ;
import static org.sscard.relay.security.RelayAuthority.CARD_WRITE;
import static org.sscard.relay.security.RelayAuthority.LINKAGE_PUBLISH;
import static org.sscard.relay.security.RelayAuthority.LINKAGE_READ;
import static org.sscard.relay.security.RelayAuthority.LINK_REVIEW;
import static org.sscard.relay.security.RelayAuthority.LOOKUP_BY_SSN;
import static org.sscard.relay.security.RelayAuthority.MAPPING_DISPUTE;
import static org.sscard.relay.security.RelayAuthority.MEMBER_READ;
import static org.sscard.relay.security.RelayAuthority.PERSONAL_ID_READ;
import static org.sscard.relay.security.RelayAuthority.PERSON_LOOKUP;
import static org.sscard.relay.security.RelayAuthority.PERSON_READ;
import static org.sscard.relay.security.RelayAuthority.PERSON_WRITE;
import static org.sscard.relay.security.RelayAuthority.PROVIDER_READ;
import static org.sscard.relay.security.RelayAuthority.RECEPTION_CHECK;
import static org.sscard.relay.security.RelayAuthority.RELEASE;
import static org.sscard.relay.security.RelayAuthority.RESOLVE;
import static org.sscard.relay.security.RelayAuthority.SAML_METADATA_WRITE;
import static org.sscard.relay.security.RelayAuthority.SERVICES_READ;
import static org.sscard.relay.security.RelayAuthority.STAFF_READ;
import static org.sscard.relay.security.RelayAuthority.SUBSCRIPTION_WRITE;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.sscard.common.operator.Operator;

/**
 * Pins what each service client, and each operator role through the operators' console, is granted in the relay's
 * own configuration to what its code calls (the tables in docs/security.md, finding 9 and the operators' console).
 * A new grant makes this test fail: argue it there, then change both.
 */
class ClientGrantsTest {

    @Test
    void eachServiceClientIsGrantedExactlyWhatItCalls() throws IOException {
        ClientProperties properties = mainConfiguration();
        assertThat(properties.clients())
                .containsOnlyKeys(
                        "portal-gateway",
                        "auth-service",
                        "card-issuer",
                        "insurer-adapters",
                        "hospital-portal",
                        "city-office");
        Map<String, Set<RelayAuthority>> services = Map.of(
                // RelayClient: persons/{id}, persons/{id}/services, persons/{id}/access-log, providers/{key};
                // persons/{id}/subscriptions (the resident's own choice in My Portal, issue 17); persons/{id}/links
                // and their dispute (the resident's "this is not me", issue 18)
                "portal-gateway",
                        EnumSet.of(
                                PROVIDER_READ,
                                PERSON_READ,
                                SERVICES_READ,
                                ACCESS_LOG_READ,
                                SUBSCRIPTION_WRITE,
                                MAPPING_DISPUTE),
                // RelayDirectory: cards/login-check, providers (by entity ID and by key), releases, reception-checks
                "auth-service", EnumSet.of(PROVIDER_READ, CARD_LOGIN_CHECK, RELEASE, RECEPTION_CHECK),
                // RelayClient: persons/lookup/by-personal-id, staff, {persons|staff}/{id}/cards, cards/{serial}/status
                "card-issuer", EnumSet.of(PERSON_LOOKUP, PERSONAL_ID_READ, STAFF_READ, CARD_READ, CARD_WRITE),
                // RelayLinkage: linkage/inbox/{key} (push joiners and leavers), linkage/feed/{key} (pull notices)
                "insurer-adapters", EnumSet.of(LINKAGE_PUBLISH, LINKAGE_READ),
                // SpMetadataRegistration: providers/{key}/saml-sp-metadata
                "hospital-portal", EnumSet.of(SAML_METADATA_WRITE));
        services.forEach((client, used) ->
                assertThat(properties.clients().get(client)).as(client).containsExactlyInAnyOrderElementsOf(used));
        // the operator resolves for every provider; insurer-adapters pushes and pulls the linkage for its insurers
        assertThat(properties.clientProviders())
                .isEqualTo(Map.of(
                        "city-office",
                        Set.of(ClientProperties.ANY_PROVIDER),
                        "insurer-adapters",
                        Set.of("kamogawa-nhi", "kameda-kenpo")));
    }

    @Test
    void eachOperatorRoleIsGrantedExactlyWhatTheConsoleDoesForIt() throws IOException {
        OperatorProperties operators = bind(OperatorProperties.class);
        assertThat(operators.operatorClients()).containsExactly("operator-console");
        assertThat(operators.operatorRoles())
                .isEqualTo(Map.of(
                        // the city office's counter: register, look up, cards, services and subscriptions, access log
                        Operator.CITY_ADMIN,
                        EnumSet.of(
                                PERSON_READ,
                                PERSON_WRITE,
                                PERSON_LOOKUP,
                                LOOKUP_BY_SSN,
                                CARD_READ,
                                SERVICES_READ,
                                SUBSCRIPTION_WRITE,
                                ACCESS_LOG_READ),
                        // an insurer's own members (read only: joiners and leavers are registered at the insurer),
                        // review queue and linkage log, scoped to the administrator's insurer by the endpoints
                        Operator.INSURER_ADMIN,
                        EnumSet.of(MEMBER_READ, LINK_REVIEW)));
        // the console holds nothing of its own: only the staff member it acts for does
        assertThat(mainConfiguration().clients()).doesNotContainKey("operator-console");
    }

    @Test
    void refusesToStartWithAnUnknownOperatorRoleAServicesOwnAuthorityOrAnOperatorClientThatIsAServiceClient() {
        assertThatThrownBy(() ->
                        new OperatorProperties(Set.of("operator-console"), Map.of("CITYADMIN", Set.of(PERSON_READ))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no operator role");
        assertThatThrownBy(() -> new OperatorProperties(
                        Set.of("operator-console"), Map.of(Operator.INSURER_ADMIN, Set.of(RESOLVE))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never to an operator");
        for (RelayAuthority linkage : new RelayAuthority[] {LINKAGE_PUBLISH, LINKAGE_READ}) {
            assertThatThrownBy(() -> new OperatorProperties(
                            Set.of("operator-console"), Map.of(Operator.INSURER_ADMIN, Set.of(linkage))))
                    .as(linkage.name())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("never to an operator");
        }
        // "this is not me" is the resident's own word: no staff member says it for them
        assertThatThrownBy(() -> new OperatorProperties(
                        Set.of("operator-console"), Map.of(Operator.CITY_ADMIN, Set.of(MAPPING_DISPUTE))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never to an operator");
        assertThatThrownBy(() -> SecurityConfig.requireSeparate(
                        new ClientProperties(Map.of("operator-console", Set.of(PERSON_READ)), Map.of()),
                        new OperatorProperties(
                                Set.of("operator-console"), Map.of(Operator.CITY_ADMIN, Set.of(PERSON_READ)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("also a service client");
    }

    @Test
    void refusesToStartWhenAClientMayResolveWithoutBeingBoundToItsProviders() {
        assertThatThrownBy(() -> new ClientProperties(Map.of("desk", Set.of(RESOLVE)), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sscard.relay.client-providers.desk");
    }

    private static ClientProperties mainConfiguration() throws IOException {
        return bind(ClientProperties.class);
    }

    private static <T> T bind(Class<T> properties) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("sscard.relay", properties);
    }
}
