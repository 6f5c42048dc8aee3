package org.sscard.console.backend;

import java.util.List;

/**
 * A back end refused an operator's action with a 4xx answer: its status, the problem's {@code code} (RFC 9457, as
 * the platform's services write it; the OAuth {@code error} for a refused grant) and what it said about the fields.
 * The pages turn it into a designed bilingual message; its text never reaches a page.
 */
public class BackendException extends RuntimeException {

    private final String service;
    private final int status;
    private final String code;
    private final List<String> fields;

    public BackendException(String service, int status, String code, String detail, List<String> fields) {
        super(service + " answered " + status + " " + code + ": " + detail, null, false, false);
        this.service = service;
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The problem's code (e.g. {@code DUPLICATE_PERSON}), or {@code HTTP_<status>} when the answer had none. */
    public String code() {
        return code;
    }

    /** The fields the back end named as invalid, if any. */
    public List<String> fields() {
        return fields;
    }
}
