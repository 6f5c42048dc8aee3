package org.sscard.reception.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The loopback redirect receiver (RFC 8252 §7.3): on 127.0.0.1 only, takes the code only with this login's state. */
class LoopbackReceiverTest {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void listensOnTheLoopbackAddressOnAnEphemeralPort() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start("s")) {
            URI uri = receiver.redirectUri();

            assertThat(uri.getScheme()).isEqualTo("http");
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");
            assertThat(uri.getPath()).isEqualTo("/callback");
            assertThat(uri.getPort()).isPositive();
        }
    }

    @Test
    void takesTheCodeOfACallbackWithThisLoginsState() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start("state-1")) {
            HttpResponse<String> response = get(receiver, "?code=abc%2Fdef&state=state-1");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(receiver.awaitCode(1)).isEqualTo("abc/def");
        }
    }

    @Test
    void refusesACallbackWithAnotherStateAndKeepsWaiting() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start("state-1")) {
            HttpResponse<String> forged = get(receiver, "?code=attackers-code&state=state-2");
            HttpResponse<String> noState = get(receiver, "?code=attackers-code");
            HttpResponse<String> twice = get(receiver, "?code=x&state=state-1&state=state-1");

            assertThat(forged.statusCode()).isEqualTo(400);
            assertThat(noState.statusCode()).isEqualTo(400);
            assertThat(twice.statusCode()).isEqualTo(400);
            assertThatThrownBy(() -> receiver.awaitCode(0)).isInstanceOf(TimeoutException.class);

            get(receiver, "?code=the-real-code&state=state-1");
            assertThat(receiver.awaitCode(1)).isEqualTo("the-real-code");
        }
    }

    @Test
    void takesOneCodeOnly() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start("state-1")) {
            get(receiver, "?code=first&state=state-1");

            assertThat(get(receiver, "?code=second&state=state-1").statusCode()).isEqualTo(400);
            assertThat(receiver.awaitCode(1)).isEqualTo("first");
        }
    }

    @Test
    void reportsTheAuthorizationServersErrorForThisLogin() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start("state-1")) {
            get(receiver, "?error=access_denied&error_description=not+a+reception+role&state=state-1");

            assertThatThrownBy(() -> receiver.awaitCode(1))
                    .isInstanceOf(LoopbackReceiver.AuthorizationError.class)
                    .hasMessage("access_denied: not a reception role");
        }
    }

    private HttpResponse<String> get(LoopbackReceiver receiver, String query) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(receiver.redirectUri() + query))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
