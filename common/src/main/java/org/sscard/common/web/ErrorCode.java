package org.sscard.common.web;

import org.springframework.http.HttpStatus;

/** An error a service answers with: its HTTP status and title; the name is the problem's stable {@code code}. */
public interface ErrorCode {

    String name();

    HttpStatus status();

    String title();

    /** The last segment of the problem type URI: {@code urn:sscard:problem:<slug>}. */
    default String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
