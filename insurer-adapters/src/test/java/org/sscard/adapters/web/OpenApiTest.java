package org.sscard.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;

class OpenApiTest extends AdaptersTest {

    @Test
    void describesTheProvidersJsonApis() {
        Http.Response response = Http.get(port, "/v3/api-docs", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("paths").fieldNames())
                .toIterable()
                .contains(
                        "/{provider}/api/v1/eligibility",
                        "/{provider}/api/v1/notices",
                        "/{provider}/api/v1/checkups",
                        "/{provider}/api/v1/pension",
                        "/{provider}/api/v1/summary",
                        "/{provider}/api/v1/access-log",
                        "/{provider}/api/v1/imports/{kind}",
                        "/{provider}/api/v1/dependant-verification",
                        "/{provider}/api/v1/dependant-verifications",
                        "/{provider}/api/v1/dependant-verifications/{id}",
                        "/{provider}/api/v1/dependant-verifications/{id}/accept",
                        "/{provider}/api/v1/dependant-verifications/{id}/return",
                        "/{provider}/api/v1/members",
                        "/{provider}/api/v1/members/{localId}/loss",
                        "/{provider}/api/v1/linkage/notices");
    }
}
