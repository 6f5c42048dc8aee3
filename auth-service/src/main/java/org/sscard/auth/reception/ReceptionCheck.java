package org.sscard.auth.reception;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The reception-check grant, by name: a hospital's reception desk, with its clerk's access token as the actor token,
 * shows a patient's card (or the patient's provisional SSN and date of birth) and gets a token, minutes long, for the
 * patient's insurer's eligibility API. Only a client whose settings say so may use it ({@link #CLIENT_SETTING}).
 */
public final class ReceptionCheck {

    public static final AuthorizationGrantType GRANT_TYPE =
            new AuthorizationGrantType("urn:sscard:params:oauth:grant-type:reception-check");

    /** The client setting (true) allowing a registered client the reception-check grant. */
    public static final String CLIENT_SETTING = "sscard.reception-check";

    /** The minted token's {@code purpose}: the insurer opens its eligibility API, and nothing else, to it. */
    static final String PURPOSE = "reception-check";

    private ReceptionCheck() {}
}
