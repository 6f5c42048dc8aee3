package org.sscard.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.auth.support.Card;
import org.sscard.testsupport.RelayFixture;

/**
 * A card login must prove the card is here now. A resumed TLS session, or a kept-alive connection, carries an
 * earlier handshake's client certificate without a new signature by the card: at a KIOSK the next person's browser
 * would log in as the previous one. So each card login's session is not resumable and its connection closes.
 */
class CardLoginResumptionTest extends AuthServiceTest {

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void theNextLoginOnTheSameBrowserNeedsAFullHandshakeWithTheCard(String protocol) throws Exception {
        String personalId = RelayFixture.newPersonalId();
        Card card = registeredResidentCard(personalId, CITY_OFFICE.createPerson(personalId));
        SSLContext browser = card.clientContext();

        Login first = login(browser, protocol);
        Login next = login(browser, protocol);

        assertThat(first.answer()).startsWith("HTTP/1.1 302").containsIgnoringCase("\r\nConnection: close\r\n");
        assertThat(next.session().getProtocol()).isEqualTo(protocol);
        assertThat(next.session().getId())
                .as("session resumed")
                .isNotEqualTo(first.session().getId());
        assertThat(next.session().getCreationTime())
                .as("session resumed")
                .isGreaterThan(first.session().getCreationTime());
    }

    private record Login(SSLSession session, String answer) {}

    /** One card login as a browser sends it (keep-alive asked for), read until the server closes the connection. */
    private static Login login(SSLContext browser, String protocol) throws IOException {
        try (SSLSocket socket = (SSLSocket) browser.getSocketFactory().createSocket("localhost", CARD_PORT)) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write("GET /login/card/resident HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // readAllBytes returns only when the server closes: a kept-alive connection would time out here
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return new Login(socket.getSession(), answer);
        }
    }
}
