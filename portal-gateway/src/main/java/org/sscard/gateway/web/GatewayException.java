package org.sscard.gateway.web;

/** A failure the person sees as {@link ErrorPages} shows it: the code decides status, page and problem type. */
public class GatewayException extends RuntimeException {

    private final GatewayError error;

    public GatewayException(GatewayError error, String detail) {
        super(detail);
        this.error = error;
    }

    public GatewayException(GatewayError error, String detail, Throwable cause) {
        super(detail, cause);
        this.error = error;
    }

    public GatewayError error() {
        return error;
    }
}
