package org.sscard.console.backend;

/**
 * auth-service no longer takes the operator's own access token as the grant's actor (expired, logged out, the staff
 * card suspended): the session ends, and the operator logs in again.
 */
public class LoginExpiredException extends RuntimeException {

    public LoginExpiredException(String why) {
        super(why, null, false, false);
    }
}
