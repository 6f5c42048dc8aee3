package org.sscard.relay.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.sscard.common.web.CommonError;
import org.sscard.relay.error.RelayException;

/**
 * Where the platform sends residents and their assertions: a provider's base URL (the gateway proxies to it and
 * sends bearer tokens) and a SAML provider's assertion consumer services (the IdP posts signed assertions there) are
 * {@code https} URLs with a host, or the provider is refused at registration, from configuration (the relay does not
 * start) and over the API (400). Only tests whose stand-in providers listen on plain HTTP on a loopback address set
 * {@code sscard.relay.provider-urls.allow-plain-http-on-loopback}: then {@code http://127.0.0.1} and
 * {@code http://[::1]} pass too, never a host name.
 */
@ConfigurationProperties("sscard.relay.provider-urls")
public record ProviderUrls(@DefaultValue("false") boolean allowPlainHttpOnLoopback) {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]");

    /** Refuses {@code url} unless it is an https URL with a host; {@code field} names it in the problem. */
    public void requireHttps(String field, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw refused(field);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https") && uri.getHost() != null;
        boolean loopbackTest = allowPlainHttpOnLoopback && scheme.equals("http") && LOOPBACK.contains(uri.getHost());
        if (!https && !loopbackTest) {
            throw refused(field);
        }
    }

    private static RelayException refused(String field) {
        return new RelayException(CommonError.INVALID_FIELD, field + " must be an https URL");
    }
}
