package org.sscard.common.token;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service-to-service tokens, as each service sees them: the platform's token issuer (auth-service), where its
 * signing keys and token endpoint are, the audience this service accepts bearer tokens for (resource servers), and
 * the client ID this service calls others as (its service-client certificate is
 * {@code <data-dir>/clients/<client-id>.crt|.key}).
 */
@ConfigurationProperties("sscard.tokens")
public record TokenProperties(URI issuer, URI jwkSetUri, URI tokenUri, String audience, String clientId) {

    public TokenProperties {
        if (issuer == null) {
            throw new IllegalArgumentException("sscard.tokens.issuer is required");
        }
        String base = issuer.toString().replaceAll("/+$", "");
        jwkSetUri = jwkSetUri == null ? URI.create(base + "/oauth2/jwks") : jwkSetUri;
        tokenUri = tokenUri == null ? URI.create(base + "/oauth2/token") : tokenUri;
    }
}
