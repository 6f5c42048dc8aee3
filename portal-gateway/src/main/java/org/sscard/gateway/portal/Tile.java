package org.sscard.gateway.portal;

import java.util.List;

/**
 * One provider on My Portal with the services the resident joined there. {@code state}: AVAILABLE (its summary
 * answered), UNAVAILABLE (it did not, in time), NOT_READY (joined, but the provider does not know the resident yet).
 */
public record Tile(
        String providerKey,
        String nameJa,
        String nameEn,
        String ssoMethod,
        State state,
        List<ServiceLink> services,
        List<String> summary) {

    public enum State {
        AVAILABLE,
        UNAVAILABLE,
        NOT_READY
    }

    public record ServiceLink(String nameJa, String nameEn, String href) {}

    public boolean saml() {
        return "SAML".equals(ssoMethod);
    }

    Tile with(State newState, List<String> newSummary) {
        return new Tile(providerKey, nameJa, nameEn, ssoMethod, newState, services, newSummary);
    }
}
