package org.sscard.relay.provider;

/** How My Portal takes a resident into the provider: a SAML assertion, or the reverse proxy with a token. */
public enum SsoMethod {
    SAML,
    PROXY
}
