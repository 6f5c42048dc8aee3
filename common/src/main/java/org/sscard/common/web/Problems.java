package org.sscard.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/**
 * Problem details written by servlet filters, which answer before any controller advice can (401 and 403 of the
 * security chains). Kept apart from {@link ErrorCode#problem(String)} so that reactive services need no servlet API.
 */
public final class Problems {

    private Problems() {}

    public static void write(HttpServletResponse response, ObjectMapper json, ErrorCode error, String detail)
            throws IOException {
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), error.problem(detail));
    }
}
