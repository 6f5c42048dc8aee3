package org.sscard.auth.saml;

/** The IdP's endpoints on the main connector. */
final class SamlPaths {

    static final String METADATA = "/saml/idp/metadata";
    /** AuthnRequests: GET (HTTP-Redirect binding) and POST (HTTP-POST binding). */
    static final String SSO = "/saml/idp/sso";
    /** Where a checked AuthnRequest continues once the resident is logged in with their card. */
    static final String RESUME = "/saml/idp/sso/resume";
    /** IdP-initiated SSO: {@code /saml/idp/init/{providerKey}}. */
    static final String INIT = "/saml/idp/init/";
    /** Single logout started by an SP: its signed LogoutRequest on the HTTP-Redirect binding. */
    static final String SLO = "/saml/idp/slo";

    private SamlPaths() {}
}
