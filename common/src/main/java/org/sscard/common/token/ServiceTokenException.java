package org.sscard.common.token;

/** No token could be had: the caller fails closed, as when the called service itself is unreachable. */
public class ServiceTokenException extends RuntimeException {

    public ServiceTokenException(String message) {
        super(message);
    }

    public ServiceTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
