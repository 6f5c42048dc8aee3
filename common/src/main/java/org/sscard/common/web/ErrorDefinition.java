package org.sscard.common.web;

import org.springframework.http.HttpStatus;

/** What an error code stands for: the HTTP status it answers with and the problem's fixed title. */
public record ErrorDefinition(HttpStatus status, String title) {

    public ErrorDefinition {
        if (status == null || title == null || title.isBlank()) {
            throw new IllegalArgumentException("an error needs a status and a title");
        }
    }
}
