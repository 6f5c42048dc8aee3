package org.sscard.auth.saml;

/**
 * What the IdP will answer: for this SP, to this ACS URL (one from the SP's metadata), in response to this
 * AuthnRequest ID ({@code null} for IdP-initiated SSO), with this RelayState (or {@code null}).
 */
record CheckedRequest(ServiceProvider sp, String acsUrl, String inResponseTo, String relayState) {}
