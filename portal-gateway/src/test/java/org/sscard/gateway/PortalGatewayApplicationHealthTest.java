package org.sscard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalGatewayApplicationHealthTest {

    @LocalServerPort
    int port;

    @Test
    void reportsReadinessAndLiveness() {
        RestClient client = RestClient.create("http://localhost:" + port);
        assertThat(client.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("\"UP\"");
        assertThat(client.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("\"UP\"");
    }

    @Test
    void servesTheEntryPageInJapaneseFirst() {
        byte[] body = RestClient.create("http://localhost:" + port).get().uri("/").retrieve().body(byte[].class);
        String page = new String(body, java.nio.charset.StandardCharsets.UTF_8); // the page declares UTF-8
        assertThat(page).contains("lang=\"ja\"").contains("マイポータル");
    }
}
