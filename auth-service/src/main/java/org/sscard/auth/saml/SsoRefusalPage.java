package org.sscard.auth.saml;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a person sees when the IdP sends no assertion: Japanese first, English beside it, large type, and the reason
 * code (also in the {@code Sscard-Sso-Refusal} header) for the help desk. Only fixed texts, nothing echoed.
 */
final class SsoRefusalPage {

    static final String REASON_HEADER = "Sscard-Sso-Refusal";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>連携できませんでした / Sign-in to the service refused</title>
            <style>
            body { font-family: sans-serif; font-size: 1.5rem; line-height: 1.7; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 2.2rem; } h2 { font-size: 1.6rem; margin-top: 2rem; } .en { color: #333; }
            </style>
            </head>
            <body>
            <main>
            <h1>連携できませんでした</h1>
            <p>%s</p>
            <h2 class="en" lang="en">Sign-in to the service refused</h2>
            <p class="en" lang="en">%s</p>
            <p>理由コード / Reason code: <code id="reason">%s</code></p>
            </main>
            </body>
            </html>
            """;

    private SsoRefusalPage() {}

    static void write(HttpServletResponse response, SsoRefusal refusal) throws IOException {
        response.setStatus(refusal.status().value());
        response.setHeader(REASON_HEADER, refusal.name());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream()
                .write(PAGE.formatted(refusal.japanese(), refusal.english(), refusal.name())
                        .getBytes(StandardCharsets.UTF_8));
    }
}
