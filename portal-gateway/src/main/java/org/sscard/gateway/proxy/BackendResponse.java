package org.sscard.gateway.proxy;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/**
 * A provider's answer made to work behind {@code /p/<provider>/}: a redirect (Location) into the provider's base
 * URL, absolute or by path, points to the same place under the gateway, and each cookie it sets is renamed
 * {@code p.<provider>.<name>}, scoped to that provider's path and to this host (no Domain), and marked Secure
 * when the portal is served over HTTPS. Redirects elsewhere (auth-service, another site) are left alone.
 */
final class BackendResponse {

    private final String provider;
    private final URI base;
    private final String basePath;
    private final boolean secure;

    BackendResponse(String provider, URI base, boolean secure) {
        this.provider = provider;
        this.base = base;
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.secure = secure;
    }

    String prefix() {
        return "/p/" + provider;
    }

    void rewrite(HttpHeaders headers) {
        String location = headers.getFirst(HttpHeaders.LOCATION);
        if (location != null) {
            headers.set(HttpHeaders.LOCATION, location(location));
        }
        List<String> cookies = headers.get(HttpHeaders.SET_COOKIE);
        if (cookies != null) {
            headers.put(
                    HttpHeaders.SET_COOKIE, cookies.stream().map(this::cookie).toList());
        }
    }

    String location(String location) {
        URI target;
        try {
            target = URI.create(location.strip());
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (target.isAbsolute()) {
            boolean sameOrigin = target.getScheme().equalsIgnoreCase(base.getScheme())
                    && String.valueOf(target.getRawAuthority()).equalsIgnoreCase(base.getRawAuthority());
            return sameOrigin ? mapPath(target.getRawPath(), location, tail(target)) : location;
        }
        if (location.startsWith("/") && !location.startsWith("//")) {
            return mapPath(target.getRawPath(), location, tail(target));
        }
        return location;
    }

    private String mapPath(String path, String unchanged, String tail) {
        String p = path == null || path.isEmpty() ? "/" : path;
        if (basePath.isEmpty()) {
            return prefix() + p + tail;
        }
        if (p.equals(basePath) || p.startsWith(basePath + "/")) {
            String rest = p.substring(basePath.length());
            return prefix() + (rest.isEmpty() ? "/" : rest) + tail;
        }
        return unchanged;
    }

    private static String tail(URI target) {
        return (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
    }

    String cookie(String setCookie) {
        String[] parts = setCookie.split(";");
        StringBuilder out = new StringBuilder(ProxiedRequest.cookiePrefix(provider)).append(parts[0].strip());
        String path = prefix() + "/";
        boolean secureSeen = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            String name = attribute.split("=", 2)[0].strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "domain" -> {}
                case "path" -> path = cookiePath(attribute.contains("=") ? attribute.split("=", 2)[1].strip() : "/");
                case "secure" -> {
                    secureSeen = true;
                    out.append("; Secure");
                }
                default -> {
                    if (!attribute.isEmpty()) {
                        out.append("; ").append(attribute);
                    }
                }
            }
        }
        out.append("; Path=").append(path);
        if (secure && !secureSeen) {
            out.append("; Secure");
        }
        return out.toString();
    }

    private String cookiePath(String backendPath) {
        String mapped = mapPath(backendPath, null, "");
        return mapped == null ? prefix() + "/" : mapped;
    }
}
