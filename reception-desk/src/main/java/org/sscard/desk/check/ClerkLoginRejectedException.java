package org.sscard.desk.check;

/**
 * auth-service refused the clerk's own access token as the grant's actor ({@code invalid_grant}: expired, revoked,
 * not a reception role's). Nobody was looked up; the clerk logs in again.
 */
public class ClerkLoginRejectedException extends RuntimeException {

    public ClerkLoginRejectedException() {
        super("auth-service refused the clerk's access token as the actor of the reception check");
    }
}
