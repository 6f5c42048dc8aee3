package org.sscard.issuer.error;

import java.net.URI;
import org.springframework.http.ProblemDetail;

public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(IssuerError error, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), detail);
        problem.setType(URI.create("urn:sscard:problem:" + error.slug()));
        problem.setTitle(error.title());
        problem.setProperty("code", error.name());
        return problem;
    }
}
