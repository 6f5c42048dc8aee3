package org.sscard.auth.operator;

import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.sscard.common.operator.Operator;

/**
 * The operator-action grant, by name: the operators' console, with the logged-in administrator's own access token as
 * the actor token, gets a token minutes long for one back end, naming the administrator in {@code act}
 * ({@link Operator}). Only a client whose settings say so may use it ({@link #CLIENT_SETTING}).
 */
public final class OperatorAction {

    public static final AuthorizationGrantType GRANT_TYPE = new AuthorizationGrantType(Operator.GRANT_TYPE);

    /** The client setting (true) allowing a registered client the operator-action grant. */
    public static final String CLIENT_SETTING = "sscard.operator-action";

    /** The token type of the actor token and of the token issued (RFC 8693 §3). */
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    /** The issued token's lifetime: the console asks for one per back-end call, at once before it. */
    static final Duration LIFETIME = Duration.ofMinutes(2);

    private OperatorAction() {}
}
