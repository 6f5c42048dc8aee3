package org.sscard.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import org.sscard.adapters.support.AdaptersTest;

class InsurerAdaptersApplicationHealthTest extends AdaptersTest {

    @Test
    void reportsReadinessAndLiveness() {
        RestClient client = RestClient.create("http://localhost:" + port);
        assertThat(client.get().uri("/actuator/health/readiness").retrieve().body(String.class))
                .contains("\"UP\"");
        assertThat(client.get().uri("/actuator/health/liveness").retrieve().body(String.class))
                .contains("\"UP\"");
    }
}
