package org.sscard.desk.check;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sscard.common.provider.ProviderKey;
import org.sscard.desk.config.DeskProperties;
import org.sscard.desk.config.PlatformClients;

/**
 * {@code GET <adapters>/<insurer>/api/v1/eligibility} with the grant's token, within the deadline (default 3 s): a
 * desk cannot keep a queue waiting, and a slow insurer is the paper card's turn.
 */
@Component
class InsurerClient implements Insurers {

    private static final Logger LOG = LoggerFactory.getLogger(InsurerClient.class);

    private final PlatformClients platform;
    private final String adapters;
    private final Duration deadline;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private volatile HttpClient http;

    InsurerClient(PlatformClients platform, DeskProperties desk) {
        this.platform = platform;
        this.adapters = desk.adaptersBase();
        this.deadline = desk.check().insurerDeadline();
    }

    @Override
    public InsurerAnswer eligibility(String insurer, String accessToken) {
        if (!ProviderKey.isValid(insurer)) {
            return new InsurerAnswer.Unavailable("not an insurer key");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(adapters + "/" + insurer + "/api/v1/eligibility"))
                .timeout(deadline)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        // the whole answer, body included, within the deadline (the request's own timeout ends at the headers)
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> call =
                http().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = call.get(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return switch (response.statusCode()) {
                case 200 -> found(insurer, json.readValue(response.body(), Eligibility.class));
                case 404 -> new InsurerAnswer.NoRecord();
                default -> {
                    LOG.warn("insurer {} answered {} to the eligibility check", insurer, response.statusCode());
                    yield new InsurerAnswer.Unavailable("answered " + response.statusCode());
                }
            };
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            LOG.warn("insurer {} did not answer within {}", insurer, deadline);
            return new InsurerAnswer.Unavailable("no answer within " + deadline);
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warn("insurer {} cannot be reached: {}", insurer, e.getCause().toString());
            return new InsurerAnswer.Unavailable(
                    e.getCause() instanceof HttpTimeoutException ? "no answer within " + deadline : "unreachable");
        } catch (IOException e) {
            LOG.warn("insurer {} answered something unreadable: {}", insurer, e.toString());
            return new InsurerAnswer.Unavailable("unreadable answer");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new InsurerAnswer.Unavailable("interrupted");
        }
    }

    /** A 200 that does not say whose coverage it is (insurer number, number, acquired) is no usable answer. */
    private static InsurerAnswer found(String insurer, Eligibility record) {
        if (record == null || !record.complete()) {
            LOG.warn("insurer {} answered an eligibility record without its key fields", insurer);
            return new InsurerAnswer.Unavailable("incomplete answer");
        }
        return new InsurerAnswer.Found(record);
    }

    private HttpClient http() {
        if (http == null) {
            http = platform.http(deadline);
        }
        return http;
    }
}
