package org.sscard.console.backend;

import java.util.UUID;

/**
 * One provider service and the resident's standing with it ({@code GET /api/v1/persons/{id}/service-choices}):
 * {@code JOINED} (an open subscription), {@code JOINABLE} (the provider knows the person today), {@code NOT_KNOWN}.
 */
public record ServiceChoice(
        String providerKey,
        String providerType,
        String providerNameJa,
        String providerNameEn,
        String serviceKey,
        String serviceNameJa,
        String serviceNameEn,
        String state,
        UUID subscriptionId) {

    public boolean joined() {
        return "JOINED".equals(state) && subscriptionId != null;
    }

    public boolean joinable() {
        return "JOINABLE".equals(state);
    }
}
