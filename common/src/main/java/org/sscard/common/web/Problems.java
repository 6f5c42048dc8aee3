package org.sscard.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details with a stable type URI and {@code code}, also for responses written by filters. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(ErrorCode error, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), detail);
        problem.setType(URI.create("urn:sscard:problem:" + error.slug()));
        problem.setTitle(error.title());
        problem.setProperty("code", error.name());
        return problem;
    }

    /** For security filters, which answer before any controller advice can: 401 and 403 as problem details. */
    public static void write(HttpServletResponse response, ObjectMapper json, ErrorCode error, String detail)
            throws IOException {
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), of(error, detail));
    }
}
