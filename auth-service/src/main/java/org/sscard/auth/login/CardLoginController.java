package org.sscard.auth.login;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.apache.tomcat.util.net.SSLSessionManager;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.sscard.auth.web.RefusalPage;

/**
 * {@code GET /login/card/{resident|staff}} on the card-login connector: the TLS handshake has already demanded the
 * card's certificate; this checks it and either starts the session and returns the browser to the saved
 * authorization request, or shows the person why not.
 */
@Controller
class CardLoginController {

    static final RefusalPage REFUSAL_PAGE = new RefusalPage("Sscard-Login-Refusal", "ログインできませんでした", "Login refused");

    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    private static final String TLS_SESSION = "jakarta.servlet.request.ssl_session_mgr";

    private final CardLoginService logins;
    private final CardLoginSession sessions;
    private final RefusalPage.Link toTheDesk;

    CardLoginController(CardLoginService logins, CardLoginSession sessions, CardLoginProperties properties) {
        this.logins = logins;
        this.sessions = sessions;
        String desk = properties.deskUrl().toString();
        this.toTheDesk = new RefusalPage.Link(
                desk.endsWith("/") ? desk : desk + "/", "受付窓口のログインへ", "Go to the reception desk login");
    }

    @GetMapping("/login/card/{profile}")
    void login(@PathVariable String profile, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Optional<LoginProfile> loginProfile = LoginProfile.fromSlug(profile);
        if (loginProfile.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        oneLoginPerHandshake(request, response);
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute(CERTIFICATES);
        try {
            CardHolder holder = logins.login(
                    chain == null ? List.of() : List.of(chain), loginProfile.get(), request.getRemoteAddr());
            sessions.establish(new CardAuthentication(holder), request, response);
        } catch (LoginRefusedException e) {
            REFUSAL_PAGE.write(
                    response,
                    e.refusal(),
                    e.refusal() == LoginRefusal.STAFF_CARD_AT_RESIDENT_ENTRANCE ? toTheDesk : null);
        }
    }

    /**
     * The card proves it is present by signing in this connection's handshake, and only for this login: the TLS
     * session is not kept for resumption and the connection closes after the answer. Otherwise the next person at a
     * KIOSK, clicking "log in" on the same browser, would log in with the previous person's handshake.
     */
    private static void oneLoginPerHandshake(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(TLS_SESSION) instanceof SSLSessionManager tls) {
            tls.invalidateSession();
        }
        response.setHeader("Connection", "close");
    }
}
