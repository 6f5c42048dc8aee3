package org.sscard.auth.relay;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A provider's own ID for a person as one string, as the relay canonicalises it: a local number (a hospital patient
 * number) as is; an insurance card as {@code insurer|symbol|number|branch} (symbol may be empty).
 */
final class RelayLocalId {

    private RelayLocalId() {
    }

    static String canonical(JsonNode localId) {
        if (localId.hasNonNull("localNumber")) {
            return localId.get("localNumber").asText();
        }
        return String.join("|", localId.path("insurerNumber").asText(), localId.path("symbol").asText(""),
                localId.path("number").asText(), localId.path("branch").asText());
    }
}
