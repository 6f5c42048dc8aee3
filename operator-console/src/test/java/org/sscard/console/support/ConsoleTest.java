package org.sscard.console.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.testsupport.TestPostgres;
import org.sscard.testsupport.pki.TestPki;

/**
 * Base of the console's Spring tests: one context on a real PostgreSQL, the back ends and auth-service's token
 * endpoint from a {@link FakePlatform} (reset before each test), the console's own service-client certificate where
 * the card issuer writes it, and logins as auth-service's ID tokens would make them: the claims of a {@link Persona},
 * mapped to the console's permissions by the console's own mapper (not set by the test).
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ConsoleTest {

    /** What spring-security-test's login puts in the session as the operator's own access token. */
    public static final String ACTOR_TOKEN = "access-token";

    private static final String DATABASE = TestPostgres.createDatabase("console");
    protected static final FakePlatform PLATFORM = new FakePlatform();
    protected static final Path DATA_DIR = dataDir();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private ClientRegistrationRepository registrations;

    @Autowired
    private GrantedAuthoritiesMapper staffAuthorities;

    @DynamicPropertySource
    static void consoleProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("sscard.data-dir", DATA_DIR::toString);
        registry.add("sscard.tokens.issuer", () -> "https://auth.test");
        registry.add("sscard.tokens.token-uri", () -> PLATFORM.url() + "/oauth2/token");
        registry.add("sscard.console.public-url", () -> "https://console.test");
        registry.add("sscard.console.auth-url", () -> "https://auth.test");
        registry.add("sscard.console.relay-url", () -> PLATFORM.url() + "/relay");
        registry.add("sscard.console.issuer-url", () -> PLATFORM.url() + "/issuer");
        registry.add("sscard.console.adapters-url", () -> PLATFORM.url() + "/adapters");
        registry.add("sscard.console.calls.backend-timeout", () -> "5s");
        registry.add("logging.structured.format.console", () -> "");
    }

    @BeforeEach
    void allIsWell() {
        PLATFORM.reset();
        Fixtures.allAnswer(PLATFORM);
    }

    /** A staff card (or resident card) login of {@code persona}, with the authorities the console maps. */
    protected OidcLoginRequestPostProcessor login(Persona persona) {
        return login(persona, persona.subject);
    }

    /** The same, as a staff member of its own ({@code subject}), so that a test finds its own admin_action rows. */
    protected OidcLoginRequestPostProcessor login(Persona persona, String subject) {
        return oidcLogin()
                .clientRegistration(registrations.findByRegistrationId("sscard"))
                .idToken(token -> {
                    token.subject(subject).claim("login_profile", persona.loginProfile);
                    if (persona.role != null) {
                        token.claim("role", persona.role)
                                .claim("organisation", persona.organisation)
                                .claim("name", persona.name);
                    }
                })
                .authorities(authorities(persona).toArray(GrantedAuthority[]::new));
    }

    /** What the console's mapper grants for the persona's ID token. */
    protected Set<GrantedAuthority> authorities(Persona persona) {
        OidcIdToken.Builder token = OidcIdToken.withTokenValue("id-token")
                .subject(persona.subject)
                .claim("login_profile", persona.loginProfile);
        if (persona.role != null) {
            token.claim("role", persona.role).claim("organisation", persona.organisation);
        }
        return Set.copyOf(staffAuthorities.mapAuthorities(Set.of(new OidcUserAuthority(token.build()))));
    }

    /** The admin_action rows of one staff member, oldest first, each as "ACTION OUTCOME". */
    protected java.util.List<String> actionsOf(String subject) {
        return jdbc.sql("SELECT action || ' ' || outcome FROM admin_action WHERE staff_id = :staff ORDER BY at, "
                        + "CASE outcome WHEN 'ASKED' THEN 0 ELSE 1 END")
                .param("staff", subject)
                .query(String.class)
                .list();
    }

    protected static String newStaff() {
        return java.util.UUID.randomUUID().toString();
    }

    private static Path dataDir() {
        try {
            Path dir = Files.createTempDirectory("sscard-console-test");
            Path clients = ServiceCredentials.directory(dir);
            try (TestPki pki = TestPki.create()) {
                pki.serviceClient("operator-console")
                        .issue()
                        .writePem(clients.resolve("operator-console.crt"), clients.resolve("operator-console.key"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
