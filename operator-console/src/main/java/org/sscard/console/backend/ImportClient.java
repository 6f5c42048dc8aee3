package org.sscard.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.sscard.console.config.ConsoleProperties;

/**
 * An insurer's CSV files to insurer-adapters ({@code POST <adapters>/<key>/api/v1/imports/<kind>}, the file as the
 * body), with an operator token whose audience is that insurer's key: the operator's own organisation, never
 * another. A rejected file (422) or one too large (413) comes back as a report like an accepted one.
 */
@Component
public class ImportClient {

    private final BackendHttp http;
    private final ConsoleProperties console;

    ImportClient(BackendHttp http, ConsoleProperties console) {
        this.http = http;
        this.console = console;
    }

    public ImportReport upload(Acting acting, String provider, String kind, String fileName, byte[] csv) {
        RelayClient.ownInsurer(acting, provider);
        if (!console.imports().kinds().contains(kind)) {
            throw new IllegalArgumentException("no such kind of file: " + kind);
        }
        URI uri = URI.create(
                UriComponentsBuilder.fromUriString(console.adaptersBase() + "/" + provider + "/api/v1/imports/" + kind)
                        .queryParam("fileName", "{fileName}")
                        .encode()
                        .buildAndExpand(fileName)
                        .toUriString());
        BackendHttp.Answer answer = http.send(
                acting, provider, "POST", uri, "text/csv", csv, console.calls().importTimeout());
        if (answer.status() == 200) {
            return report(http.tree(answer.body()), kind, fileName);
        }
        if (answer.status() == 422 || answer.status() == 413) {
            JsonNode problem = http.tree(answer.body());
            return rejected(problem, kind, fileName);
        }
        throw http.problem(provider, answer);
    }

    private static ImportReport report(JsonNode body, String kind, String fileName) {
        return new ImportReport(
                body.path("status").asText("IMPORTED"),
                body.path("kind").asText(kind),
                body.path("fileName").asText(fileName),
                body.path("sha256").asText(null),
                body.path("charset").asText(null),
                body.path("rows").asLong(),
                body.path("covered").asLong(),
                body.path("replaced").asLong(),
                body.path("errorCount").asLong(),
                errors(body));
    }

    private static ImportReport rejected(JsonNode problem, String kind, String fileName) {
        List<ImportReport.RowError> errors = errors(problem);
        return new ImportReport(
                "REJECTED",
                kind,
                fileName,
                problem.path("sha256").asText(null),
                null,
                0,
                0,
                0,
                Math.max(problem.path("errorCount").asLong(), errors.size()),
                errors);
    }

    private static List<ImportReport.RowError> errors(JsonNode body) {
        List<ImportReport.RowError> errors = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            errors.add(new ImportReport.RowError(
                    error.path("line").asLong(),
                    error.path("column").asText(""),
                    error.path("reason").asText("")));
        }
        return errors;
    }
}
