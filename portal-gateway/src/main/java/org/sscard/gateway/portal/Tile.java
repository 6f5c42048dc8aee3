package org.sscard.gateway.portal;

import java.util.List;

/**
 * One provider on My Portal with the services the resident joined there. {@code state}: AVAILABLE (its summary
 * answered), UNAVAILABLE (it did not, in time), NOT_READY (joined, but the provider does not know the resident yet).
 * {@code dependants}: an insurer's dependant verification state for the resident (DUE, SUBMITTED, ACCEPTED,
 * RETURNED), or null when there is none for them: the tile links to {@code /dependants/<provider>} only then.
 */
public record Tile(
        String providerKey,
        String nameJa,
        String nameEn,
        String ssoMethod,
        State state,
        List<ServiceLink> services,
        List<String> summary,
        String dependants) {

    public enum State {
        AVAILABLE,
        UNAVAILABLE,
        NOT_READY
    }

    public record ServiceLink(String nameJa, String nameEn, String href) {}

    public boolean saml() {
        return "SAML".equals(ssoMethod);
    }

    Tile with(State newState, List<String> newSummary, String newDependants) {
        return new Tile(providerKey, nameJa, nameEn, ssoMethod, newState, services, newSummary, newDependants);
    }

    /** The resident has this year's dependant verification to answer (or to answer again). */
    public boolean dependantsDue() {
        return "DUE".equals(dependants) || "RETURNED".equals(dependants);
    }
}
