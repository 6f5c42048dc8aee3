package org.sscard.reception.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.sscard.common.tls.PlatformTrust;

/**
 * Where the program goes: the platform (auth-service: authorization and token endpoints), the reception desk, and
 * the platform root it trusts. Defaults as the other tools: the local platform ({@code SSCARD_AUTH_URL}, else
 * {@code https://auth.localhost:8082}) and {@code ./data/tls/ca-root.pem} ({@code SSCARD_DATA_DIR}). The desk's URL,
 * unless given ({@code --desk-url}, {@code SSCARD_DESK_URL}), is the platform's shifted as the launcher lays the
 * services out: host {@code auth.<domain>} becomes {@code desk.<domain>}, port 8082 becomes 8087 (same offset).
 */
record Endpoints(URI platform, URI desk, Path trustAnchor) {

    static final String DEFAULT_PLATFORM = "https://auth.localhost:8082";
    static final int AUTH_PORT = 8082;
    static final int DESK_PORT = 8087;

    static Endpoints of(Arguments arguments, Map<String, String> environment) {
        URI platform = url(
                "--platform-url",
                arguments
                        .optional("platform-url")
                        .orElse(environment.getOrDefault("SSCARD_AUTH_URL", DEFAULT_PLATFORM)));
        URI desk = arguments
                .optional("desk-url")
                .or(() -> java.util.Optional.ofNullable(environment.get("SSCARD_DESK_URL")))
                .map(text -> url("--desk-url", text))
                .orElseGet(() -> deskOf(platform));
        Path trustAnchor = arguments
                .optional("trust-anchor")
                .map(Path::of)
                .orElseGet(() -> PlatformTrust.caRoot(Path.of(environment.getOrDefault("SSCARD_DATA_DIR", "data"))));
        return new Endpoints(platform, desk, trustAnchor);
    }

    static URI deskOf(URI platform) {
        String host = platform.getHost();
        String deskHost = host.startsWith("auth.") ? "desk." + host.substring("auth.".length()) : host;
        int port = platform.getPort() < 0 ? -1 : platform.getPort() + (DESK_PORT - AUTH_PORT);
        try {
            return new URI(platform.getScheme(), null, deskHost, port, null, null, null);
        } catch (URISyntaxException e) {
            throw new UsageException("cannot make the desk's URL from " + platform + "; give --desk-url");
        }
    }

    private static URI url(String option, String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UsageException(option + " must be an https URL, not '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(option + " is not a URL: '" + text + "'");
        }
    }

    URI platform(String path) {
        return URI.create(platform + path);
    }

    URI desk(String path) {
        return URI.create(desk + path);
    }
}
