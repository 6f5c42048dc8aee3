package org.sscard.issuer.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.issuer.support.IssuerApiTest;

/** The one API path without a token does bounded work: a body of at most 16 KiB, a rate limit per address. */
class EnrolmentRedeemLimitsTest extends IssuerApiTest {

    private static final String REDEEM = "/api/v1/enrolment-codes/redeem";

    @Autowired
    EnrolmentProperties properties;

    @Test
    void refusesABodyLargerThan16KiBAnnouncedOrChunked() throws Exception {
        String large = "{\"code\":\"ABCDE-ABCDE-ABCDE-ABCDE\",\"csr\":\"" + "A".repeat(17 * 1024) + "\"}";

        Response announced = call(baseUrl() + REDEEM, null, "POST", large);
        HttpResponse<String> chunked = chunked(large);

        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.problemCode()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("REQUEST_TOO_LARGE");
    }

    @Test
    void refusesWhatIsNotJson() {
        Response response = call(baseUrl() + REDEEM, null, "POST", "{not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemCode()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void limitsTheAttemptsOfOneAddressAndCountsEveryOne() {
        Response first = call(baseUrl() + REDEEM, null, "POST", "{\"code\":\"x\",\"csr\":\"y\"}");
        assertThat(first.problemCode()).isEqualTo("ENROLMENT_CODE_INVALID");
        String address = jdbc.sql("SELECT address FROM enrolment_redeem_attempt ORDER BY at DESC LIMIT 1")
                .query(String.class)
                .single();
        try {
            // the window is full: as if this address had made every allowed attempt just now
            jdbc.sql("""
                            INSERT INTO enrolment_redeem_attempt (address, at)
                            SELECT :address, now() FROM generate_series(1, :count)""")
                    .param("address", address)
                    .param("count", properties.maxRedeemAttempts())
                    .update();

            Response limited = call(baseUrl() + REDEEM, null, "POST", "{\"code\":\"x\",\"csr\":\"y\"}");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.problemCode()).isEqualTo("TOO_MANY_ATTEMPTS");
        } finally {
            jdbc.sql("DELETE FROM enrolment_redeem_attempt WHERE address = :address")
                    .param("address", address)
                    .update();
        }
    }

    @Test
    void forgetsEveryAddressesAttemptsOnceTheyLeaveTheWindow() {
        jdbc.sql("""
                        INSERT INTO enrolment_redeem_attempt (address, at)
                        VALUES ('203.0.113.9', now() - interval '1 day'), ('2001:db8::9', now() - interval '1 day')""").update();

        call(baseUrl() + REDEEM, null, "POST", "{\"code\":\"x\",\"csr\":\"y\"}");

        assertThat(jdbc.sql("SELECT count(*) FROM enrolment_redeem_attempt WHERE at <= now() - interval '1 hour'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /** A body without Content-Length (chunked transfer): bounded where it is read. */
    private HttpResponse<String> chunked(String body) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .sslContext(PlatformTrust.sslContext(PlatformTrust.caRoot(RELAY.dataDir())))
                .build();
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + REDEEM))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
