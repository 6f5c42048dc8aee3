package org.sscard.common.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a service answers with. A service's errors are an enum of constants, each holding its
 * {@link ErrorDefinition}; the constant's name is the problem's stable {@code code}. {@link #problem(String)} is the
 * one place an error becomes an RFC 9457 problem detail, for servlet and reactive services alike.
 */
public interface ErrorCode {

    String name();

    ErrorDefinition definition();

    default HttpStatus status() {
        return definition().status();
    }

    default String title() {
        return definition().title();
    }

    /** The stable code clients and the help desk see ({@code code} in the problem detail). */
    default String code() {
        return name();
    }

    /** The last segment of the problem type URI: {@code urn:sscard:problem:<slug>}. */
    default String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** This error as a problem detail; {@code detail} says what went wrong in this request. */
    default ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(), detail);
        problem.setType(URI.create("urn:sscard:problem:" + slug()));
        problem.setTitle(title());
        problem.setProperty("code", code());
        return problem;
    }
}
