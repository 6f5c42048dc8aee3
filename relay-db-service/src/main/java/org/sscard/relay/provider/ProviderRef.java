package org.sscard.relay.provider;

/** The relay-internal handle of a provider, for the other features' queries. */
public record ProviderRef(long id, String key, ProviderType type, IdScheme idScheme) {}
