package org.sscard.desk.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sscard.common.token.ClientAssertions;
import org.sscard.common.token.ServiceTokenException;
import org.sscard.desk.config.DeskProperties;
import org.sscard.desk.config.PlatformClients;

/**
 * The reception-check grant ({@code urn:sscard:params:oauth:grant-type:reception-check}) as the client
 * {@code reception-desk}, authenticated by {@code private_key_jwt} (common's ClientAssertions). Not common's
 * ServiceTokenClient: that one speaks client credentials only and caches per audience, while every grant here is
 * for one person and one check, and is never cached.
 */
@Component
class ReceptionGrantClient implements ReceptionGrants {

    static final String GRANT_TYPE = "urn:sscard:params:oauth:grant-type:reception-check";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    private static final Logger LOG = LoggerFactory.getLogger(ReceptionGrantClient.class);

    private final PlatformClients platform;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private volatile HttpClient http;

    ReceptionGrantClient(PlatformClients platform, DeskProperties desk, Clock clock) {
        this.platform = platform;
        this.timeout = desk.check().grantTimeout();
        this.clock = clock;
    }

    @Override
    public GrantAnswer grant(String actorToken, CheckRequest request, String audience) {
        URI tokenUri = platform.tokens().tokenUri();
        Map<String, String> form;
        try {
            form = new LinkedHashMap<>(ClientAssertions.parameters(platform.credentials(), tokenUri, clock.instant()));
        } catch (ServiceTokenException e) {
            LOG.error("cannot authenticate as the desk's client: {}", e.getMessage());
            return new GrantAnswer.Refused(GrantError.TEMPORARILY_UNAVAILABLE, null);
        }
        form.put("grant_type", GRANT_TYPE);
        form.put("actor_token", actorToken);
        form.put("actor_token_type", ACCESS_TOKEN_TYPE);
        if (request.method() == Method.CARD) {
            form.put("method", "card");
            form.put("card_certificate", request.cardCertificateBase64());
        } else {
            form.put("method", "ssn");
            form.put("provisional_ssn", request.provisionalSsn());
            form.put("date_of_birth", request.dateOfBirth().toString());
            form.put("reason", request.reason().name());
        }
        if (audience != null) {
            form.put("audience", audience);
        }
        HttpRequest post = HttpRequest.newBuilder(tokenUri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        try {
            HttpResponse<String> response = http().send(post, HttpResponse.BodyHandlers.ofString());
            return answer(response.statusCode(), response.body());
        } catch (IOException e) {
            LOG.warn("the reception-check grant did not answer: {}", e.toString());
            return new GrantAnswer.Refused(GrantError.TEMPORARILY_UNAVAILABLE, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GrantAnswer.Refused(GrantError.TEMPORARILY_UNAVAILABLE, null);
        }
    }

    GrantAnswer answer(int status, String text) throws IOException {
        JsonNode body = json.readTree(text == null || text.isBlank() ? "{}" : text);
        if (status == 200 && body.hasNonNull("access_token") && body.hasNonNull("insurer")) {
            List<InsurerMapping> insurers = new ArrayList<>();
            for (JsonNode insurer : body.path("insurers")) {
                insurers.add(new InsurerMapping(
                        insurer.path("key").asText(),
                        insurer.path("name_ja").asText(null),
                        insurer.path("name_en").asText(null),
                        date(insurer.get("valid_from")),
                        date(insurer.get("valid_to"))));
            }
            return new GrantAnswer.Granted(
                    body.get("access_token").asText(),
                    body.get("insurer").asText(),
                    body.path("patient_number").asText(null),
                    insurers);
        }
        if (status >= 500) {
            return new GrantAnswer.Refused(GrantError.TEMPORARILY_UNAVAILABLE, null);
        }
        GrantError error = GrantError.of(body.path("error").asText(null));
        if (error == GrantError.OTHER || error == GrantError.UNAUTHORIZED_CLIENT) {
            LOG.error(
                    "the reception-check grant answered {} {} {}",
                    status,
                    body.path("error").asText(""),
                    body.path("error_description").asText(""));
        }
        return new GrantAnswer.Refused(error, body.path("patient_number").asText(null));
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : LocalDate.parse(node.asText());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpClient http() {
        if (http == null) {
            http = platform.http(timeout);
        }
        return http;
    }
}
