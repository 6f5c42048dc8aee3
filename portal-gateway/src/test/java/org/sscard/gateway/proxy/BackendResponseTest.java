package org.sscard.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class BackendResponseTest {

    private final BackendResponse underBase =
            new BackendResponse("kamogawa-nhi", URI.create("https://localhost:8084/kamogawa-nhi"), true);
    private final BackendResponse atRoot =
            new BackendResponse("kameda-hospital", URI.create("https://localhost:8085"), false);

    @Test
    void mapsRedirectsIntoTheBaseUrlUnderTheProvidersPrefix() {
        assertThat(underBase.location("https://localhost:8084/kamogawa-nhi/notices?m=10#top"))
                .isEqualTo("/p/kamogawa-nhi/notices?m=10#top");
        assertThat(underBase.location("https://localhost:8084/kamogawa-nhi")).isEqualTo("/p/kamogawa-nhi/");
        assertThat(underBase.location("/kamogawa-nhi/eligibility")).isEqualTo("/p/kamogawa-nhi/eligibility");
        assertThat(atRoot.location("/records")).isEqualTo("/p/kameda-hospital/records");
    }

    @Test
    void leavesRedirectsOutsideTheProviderAlone() {
        assertThat(underBase.location("https://localhost:8084/kameda-kenpo/notices"))
                .isEqualTo("https://localhost:8084/kameda-kenpo/notices");
        assertThat(underBase.location("/kamogawa-nhi-other/x")).isEqualTo("/kamogawa-nhi-other/x");
        assertThat(underBase.location("https://localhost:8082/oauth2/authorize?x=1"))
                .isEqualTo("https://localhost:8082/oauth2/authorize?x=1");
        assertThat(underBase.location("//evil.example/x")).isEqualTo("//evil.example/x");
        assertThat(underBase.location("notices")).isEqualTo("notices");
    }

    @Test
    void renamesScopesAndSecuresTheProvidersCookies() {
        assertThat(underBase.cookie("JSESSIONID=1; Path=/kamogawa-nhi; Domain=localhost; HttpOnly"))
                .isEqualTo("p.kamogawa-nhi.JSESSIONID=1; HttpOnly; Path=/p/kamogawa-nhi/; Secure");
        assertThat(underBase.cookie("XSRF-TOKEN=t; Path=/kamogawa-nhi/forms; Secure; SameSite=Strict"))
                .isEqualTo("p.kamogawa-nhi.XSRF-TOKEN=t; Secure; SameSite=Strict; Path=/p/kamogawa-nhi/forms");
        assertThat(underBase.cookie("wide=1; Path=/"))
                .isEqualTo("p.kamogawa-nhi.wide=1; Path=/p/kamogawa-nhi/; Secure");
        assertThat(atRoot.cookie("s=1")).isEqualTo("p.kameda-hospital.s=1; Path=/p/kameda-hospital/");
    }

    @Test
    void rewritesEveryCookieAndTheLocationOfAResponse() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.LOCATION, "/kamogawa-nhi/done");
        headers.put(HttpHeaders.SET_COOKIE, List.of("a=1", "b=2; Path=/kamogawa-nhi/x"));
        underBase.rewrite(headers);
        assertThat(headers.getFirst(HttpHeaders.LOCATION)).isEqualTo("/p/kamogawa-nhi/done");
        assertThat(headers.get(HttpHeaders.SET_COOKIE))
                .containsExactly(
                        "p.kamogawa-nhi.a=1; Path=/p/kamogawa-nhi/; Secure",
                        "p.kamogawa-nhi.b=2; Path=/p/kamogawa-nhi/x; Secure");
    }

    @Test
    void dropsEveryIdentityHeaderTheBrowserMightSend() {
        for (String header : List.of(
                "Authorization",
                "X-User",
                "X-User-Id",
                "Remote-User",
                "X-Forwarded-User",
                "X-Forwarded-For",
                "Sscard-Acting-For",
                "X-Sscard-Person",
                "X-Auth-Request-Email",
                "Cookie",
                "X-Client-Cert",
                "X-SSL-Client-DN",
                "Forwarded")) {
            assertThat(ProxiedRequest.dropped(header)).as(header).isTrue();
        }
        for (String header : List.of("Accept", "Content-Type", "X-Requested-With", "If-None-Match")) {
            assertThat(ProxiedRequest.dropped(header)).as(header).isFalse();
        }
    }
}
