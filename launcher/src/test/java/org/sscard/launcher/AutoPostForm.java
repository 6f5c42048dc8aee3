package org.sscard.launcher;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The IdP's auto-submitting page of the SAML HTTP-POST binding, read as a browser would submit it: the form's
 * action and its hidden fields ({@code SAMLResponse}, {@code RelayState}).
 */
record AutoPostForm(URI action, Map<String, String> fields) {

    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    static AutoPostForm read(String page) {
        Matcher form = FORM.matcher(page);
        if (!form.find()) {
            throw new IllegalStateException("no auto-post form in:\n" + page);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        return new AutoPostForm(URI.create(unescape(form.group(1))), fields);
    }

    /** The few entities the IdP's HTML escaping produces in a URL or a RelayState. */
    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    String encoded() {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
