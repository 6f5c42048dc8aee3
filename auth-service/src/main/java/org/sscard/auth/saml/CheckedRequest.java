package org.sscard.auth.saml;

import java.time.Instant;

/**
 * What the IdP will answer: for this SP, to this ACS URL (one from the SP's metadata), in response to this
 * AuthnRequest ID ({@code null} for IdP-initiated SSO), with this RelayState (or {@code null}). {@code forceAuthn}:
 * the request asked for a fresh login (SAML core §3.4.1), so only a card login at or after {@code checkedAt} counts.
 */
record CheckedRequest(
        ServiceProvider sp,
        String acsUrl,
        String inResponseTo,
        String relayState,
        boolean forceAuthn,
        Instant checkedAt) {}
