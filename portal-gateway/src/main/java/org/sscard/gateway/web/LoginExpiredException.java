package org.sscard.gateway.web;

/**
 * The resident's access token from the card login is gone or expired (it lives minutes, the portal session
 * longer): a page is sent back through auth-service's authorize endpoint, which answers at once while the
 * resident's session there lasts; an API call gets 401.
 */
public class LoginExpiredException extends RuntimeException {

    public LoginExpiredException(String message) {
        super(message);
    }
}
