package org.sscard.adapters.security;

/** What a caller may do at one provider; granted per token by {@link ProviderTokens}, never by the token itself. */
public enum Authority {
    /** A person (or staff acting for them, of an allowed organisation) reading their own data. */
    PERSON_READ,
    /** An operator client of this provider loading files. */
    IMPORT
}
