package org.sscard.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A minimal browser against the gateway over real HTTP: keeps cookies (by name, sent on every request), follows
 * no redirect by itself, and logs in through the real OIDC flow with the stand-in auth-server.
 */
public final class Browser {

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private HttpResponse<String> last;

    public Browser(String base) {
        this.base = base;
    }

    /** The last response from the gateway (e.g. the login's callback, to read its Set-Cookie). */
    public HttpResponse<String> last() {
        return last;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    /** Card login as {@code person}; returns the session cookie value before and after the login. */
    public List<String> login(UUID person) {
        HttpResponse<String> start = get("/oauth2/authorization/sscard");
        String before = cookies.get("__Host-SSCARD_PORTAL");
        String authorize = start.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> authorized = send(HttpRequest.newBuilder(URI.create(authorize + "&login_as=" + person))
                .GET()
                .build());
        String callback = authorized
                .headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("the authorize endpoint refused: " + authorized.body()));
        HttpResponse<String> done = get(
                URI.create(callback).getRawPath() + "?" + URI.create(callback).getRawQuery());
        if (done.statusCode() != 302) {
            throw new AssertionError("login failed: " + done.statusCode() + " " + done.body());
        }
        return java.util.Arrays.asList(before, cookies.get("__Host-SSCARD_PORTAL"));
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<String> post(String path, String form, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
        boolean cookieGiven = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            cookieGiven |= headers[i].equalsIgnoreCase("Cookie");
        }
        if (!cookies.isEmpty() && !cookieGiven) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean ours = request.uri().toString().startsWith(base);
            if (ours) {
                last = response;
            }
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (ours && eq > 0) {
                    String value = pair.substring(eq + 1);
                    if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                        cookies.remove(pair.substring(0, eq));
                    } else {
                        cookies.put(pair.substring(0, eq), value);
                    }
                }
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
