package org.sscard.auth.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a person sees when a flow refuses them (card login, SSO): Japanese first, English beside it, large type,
 * and the reason code for the help desk, also in the flow's own header ({@code reasonHeader}) for machines. Only
 * fixed texts, nothing echoed from the request.
 */
public record RefusalPage(String reasonHeader, String headingJapanese, String headingEnglish) {

    /** What a refusal says: the status it answers with and its message in Japanese and in English. */
    public record Message(HttpStatus status, String japanese, String english) {}

    /**
     * Where the person should go instead (e.g. staff to the reception desk), with its label in both languages. The
     * address comes from configuration, never from the request.
     */
    public record Link(String href, String japanese, String english) {}

    /** Why a flow refused: an enum constant whose name is the stable reason code, holding its {@link Message}. */
    public interface Reason {

        String name();

        Message message();

        default HttpStatus status() {
            return message().status();
        }

        default String japanese() {
            return message().japanese();
        }

        default String english() {
            return message().english();
        }
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%1$s / %2$s</title>
            <style>
            body { font-family: sans-serif; font-size: 1.5rem; line-height: 1.7; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 2.2rem; } h2 { font-size: 1.6rem; margin-top: 2rem; } .en { color: #333; }
            </style>
            </head>
            <body>
            <main>
            <h1>%1$s</h1>
            <p>%3$s</p>
            <h2 class="en" lang="en">%2$s</h2>
            <p class="en" lang="en">%4$s</p>
            %6$s<p>理由コード / Reason code: <code id="reason">%5$s</code></p>
            </main>
            </body>
            </html>
            """;

    public void write(HttpServletResponse response, Reason reason) throws IOException {
        write(response, reason, null);
    }

    /** The page with a link onwards; {@code link} null: none. */
    public void write(HttpServletResponse response, Reason reason, Link link) throws IOException {
        response.setStatus(reason.status().value());
        response.setHeader(reasonHeader, reason.name());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream()
                .write(PAGE.formatted(
                                headingJapanese,
                                headingEnglish,
                                reason.japanese(),
                                reason.english(),
                                reason.name(),
                                link == null ? "" : link(link))
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String link(Link link) {
        return "<p><a id=\"onwards\" href=\"" + HtmlUtils.htmlEscape(link.href()) + "\">"
                + HtmlUtils.htmlEscape(link.japanese()) + " / <span lang=\"en\">" + HtmlUtils.htmlEscape(link.english())
                + "</span></a></p>\n";
    }
}
