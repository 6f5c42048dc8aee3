package org.sscard.gateway.proxy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * What reaches a provider: nothing the browser claims about who it is. Any Authorization, identity header
 * (X-User, Remote-User, X-Forwarded-User, Sscard-*, client-certificate headers…), forwarding header and every
 * cookie are dropped; only the gateway sets Authorization (the pairwise token). The provider's own cookies come
 * back to it — the ones it set through the gateway, kept in the browser under {@code p.<provider>.<name>} — and
 * no other: neither the portal's session cookie nor another provider's.
 */
final class ProxiedRequest {

    private static final Set<String> DROPPED = Set.of(
            "authorization",
            "proxy-authorization",
            "cookie",
            "remote-user",
            "forwarded",
            "x-real-ip",
            "x-original-url",
            "x-rewrite-url",
            "x-id-token",
            "x-access-token",
            "ssl-client-cert",
            "ssl-client-verify");
    private static final List<String> DROPPED_PREFIXES = List.of(
            "x-user",
            "x-remote-",
            "x-forwarded-",
            "x-auth",
            "x-sscard",
            "sscard-",
            "x-person",
            "x-client-",
            "x-ssl-",
            "x-subject",
            "x-identity",
            "x-email",
            "x-principal");

    private ProxiedRequest() {}

    static String cookiePrefix(String provider) {
        return "p." + provider + ".";
    }

    static boolean dropped(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return DROPPED.contains(name) || DROPPED_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Rewrites {@code headers} in place for {@code provider}. */
    static void prepare(
            HttpHeaders headers,
            MultiValueMap<String, HttpCookie> cookies,
            String provider,
            String bearer,
            Locale locale) {
        headers.keySet().removeIf(ProxiedRequest::dropped);
        if (bearer != null) { // null: a public asset, asked for anonymously
            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, locale.getLanguage());
        String prefix = cookiePrefix(provider);
        String own = cookies.values().stream()
                .flatMap(List::stream)
                .filter(cookie ->
                        cookie.getName().startsWith(prefix) && cookie.getName().length() > prefix.length())
                .map(cookie -> cookie.getName().substring(prefix.length()) + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        if (!own.isEmpty()) {
            headers.set(HttpHeaders.COOKIE, own);
        }
    }
}
