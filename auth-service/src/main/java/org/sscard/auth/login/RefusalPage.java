package org.sscard.auth.login;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The page a person sees when their card is refused: Japanese first, English beside it, large type, and the reason
 * code (also in the {@code Sscard-Login-Refusal} header) for the help desk. Only fixed texts, nothing echoed.
 */
final class RefusalPage {

    static final String REASON_HEADER = "Sscard-Login-Refusal";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ログインできませんでした / Login refused</title>
            <style>
            body { font-family: sans-serif; font-size: 1.5rem; line-height: 1.7; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
            h1 { font-size: 2.2rem; } h2 { font-size: 1.6rem; margin-top: 2rem; } .en { color: #333; }
            </style>
            </head>
            <body>
            <main>
            <h1>ログインできませんでした</h1>
            <p>%s</p>
            <h2 class="en" lang="en">Login refused</h2>
            <p class="en" lang="en">%s</p>
            <p>理由コード / Reason code: <code id="reason">%s</code></p>
            </main>
            </body>
            </html>
            """;

    private RefusalPage() {}

    static void write(HttpServletResponse response, LoginRefusal refusal) throws IOException {
        response.setStatus(refusal.status().value());
        response.setHeader(REASON_HEADER, refusal.name());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream()
                .write(PAGE.formatted(refusal.japanese(), refusal.english(), refusal.name())
                        .getBytes(StandardCharsets.UTF_8));
    }
}
