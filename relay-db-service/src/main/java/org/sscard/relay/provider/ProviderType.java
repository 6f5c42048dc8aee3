package org.sscard.relay.provider;

public enum ProviderType {
    INSURER,
    HOSPITAL,
    PENSION
}
