package org.sscard.console.backend;

/** A back end (or auth-service's grant) could not be reached, did not answer in time, or failed (5xx). */
public class BackendUnavailableException extends RuntimeException {

    private final String service;

    public BackendUnavailableException(String service, String why) {
        super(service + ": " + why, null, false, false);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
