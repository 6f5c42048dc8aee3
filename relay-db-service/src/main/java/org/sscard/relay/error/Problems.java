package org.sscard.relay.error;

import java.net.URI;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with a stable type URI and error code. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(RelayError error, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), detail);
        problem.setType(URI.create("urn:sscard:problem:" + error.slug()));
        problem.setTitle(error.title());
        problem.setProperty("code", error.name());
        return problem;
    }
}
