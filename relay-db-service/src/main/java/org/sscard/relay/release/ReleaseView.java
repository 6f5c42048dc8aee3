package org.sscard.relay.release;

/**
 * The provider's own ID for the person, valid today, in the one string form the relay compares and indexes: a local
 * number, or {@code insurer|symbol|number|branch} for an insurance card. It becomes the token's {@code sub} or the
 * assertion's NameID.
 */
record ReleaseView(String providerKey, String providerLocalId) {}
