package org.sscard.auth.relay;

/**
 * The person's own ID at one provider, valid today: a local number (a hospital patient number) or an insurance
 * card (insurer number, symbol, number, branch).
 */
public record RelayMapping(String providerKey, LocalId localId) {

    public record LocalId(String insurerNumber, String symbol, String number, String branch, String localNumber) {

        /** The one string that names the person at the provider, as the relay compares it. */
        public String canonical() {
            return localNumber != null
                    ? localNumber
                    : String.join("|", insurerNumber, symbol == null ? "" : symbol, number, branch);
        }
    }
}
