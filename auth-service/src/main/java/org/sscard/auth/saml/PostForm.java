package org.sscard.auth.saml;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTTP-POST binding, outbound (SAML bindings §3.5): a tiny page whose form posts {@code SAMLResponse} (base64)
 * and {@code RelayState} to the ACS, submitted by one inline script (allowed by its hash in the page's CSP; no
 * external script) or, without scripting, by the visible button.
 */
final class PostForm {

    private static final String SCRIPT = "document.forms[0].submit();";
    private static final String SCRIPT_HASH = sha256(SCRIPT);
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="ja">
            <head><meta charset="utf-8"><title>連携中 / Signing in</title></head>
            <body>
            <form method="post" action="%s">
            <input type="hidden" name="SAMLResponse" value="%s">
            %s<noscript><p>続けるにはボタンを押してください。 / Press the button to continue.</p>
            <button type="submit">続ける / Continue</button></noscript>
            </form>
            <script>%s</script>
            </body>
            </html>
            """;

    private PostForm() {}

    static void write(HttpServletResponse response, String acsUrl, String responseXml, String relayState)
            throws IOException {
        String encoded = Base64.getEncoder().encodeToString(responseXml.getBytes(StandardCharsets.UTF_8));
        String relay = relayState == null
                ? ""
                : "<input type=\"hidden\" name=\"RelayState\" value=\"" + HtmlUtils.htmlEscape(relayState) + "\">\n";
        URI acs = URI.create(acsUrl);
        String origin = acs.getScheme() + "://" + acs.getRawAuthority();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'none'; script-src '" + SCRIPT_HASH + "'; form-action " + origin
                        + "; frame-ancestors 'none'; base-uri 'none'");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream()
                .write(PAGE.formatted(HtmlUtils.htmlEscape(acsUrl), encoded, relay, SCRIPT)
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String script) {
        try {
            return "sha256-"
                    + Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-256")
                                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
