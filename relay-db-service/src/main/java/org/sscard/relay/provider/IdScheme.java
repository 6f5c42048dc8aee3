package org.sscard.relay.provider;

/**
 * The shape of a provider's own ID for a person: an insurance card (insurer number, symbol, number, branch) or a
 * single local number (hospital patient number, pension number).
 */
public enum IdScheme {
    INSURANCE_CARD,
    LOCAL_NUMBER
}
