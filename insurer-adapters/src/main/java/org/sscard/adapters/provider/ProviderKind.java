package org.sscard.adapters.provider;

/** What a provider is decides its schema (the Flyway location), its imports and its pages; nothing else is coded. */
public enum ProviderKind {
    INSURER,
    PENSION;

    /** The migrations every provider of this kind shares, each applied to the provider's own schema. */
    public String migrations() {
        return "classpath:db/" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
