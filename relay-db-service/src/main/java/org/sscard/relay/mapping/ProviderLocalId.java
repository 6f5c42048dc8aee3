package org.sscard.relay.mapping;

import java.text.Normalizer;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.provider.IdScheme;

/**
 * A provider's own ID for a person. INSURANCE_CARD: insurer number (保険者番号, 6 or 8 digits), symbol (記号,
 * optional), number (番号), branch (枝番, 2 digits). LOCAL_NUMBER: one number such as a hospital patient number.
 * Full-width digits and letters are normalised (NFKC) before they are checked or stored.
 */
public record ProviderLocalId(String insurerNumber, String symbol, String number, String branch, String localNumber) {

    /** Normalised, validated against the scheme; throws INVALID_LOCAL_ID saying what does not fit. */
    public ProviderLocalId normalisedFor(IdScheme scheme) {
        ProviderLocalId n = new ProviderLocalId(
                clean(insurerNumber), clean(symbol), clean(number), clean(branch), clean(localNumber));
        if (scheme == IdScheme.LOCAL_NUMBER) {
            require(
                    n.localNumber != null && n.localNumber.matches("[A-Za-z0-9-]{1,32}"),
                    "localNumber: 1-32 letters, digits or hyphens");
            require(
                    n.insurerNumber == null && n.symbol == null && n.number == null && n.branch == null,
                    "this provider identifies people by localNumber only");
        } else {
            require(
                    n.insurerNumber != null && n.insurerNumber.matches("\\d{6}|\\d{8}"),
                    "insurerNumber: 6 or 8 digits");
            require(
                    n.symbol == null || n.symbol.length() <= 40 && !n.symbol.contains("|"),
                    "symbol: up to 40 characters");
            require(n.number != null && n.number.length() <= 40 && !n.number.contains("|"), "number: 1-40 characters");
            require(n.branch != null && n.branch.matches("\\d{2}"), "branch: 2 digits");
            require(n.localNumber == null, "an insurance-card ID has no localNumber");
        }
        return n;
    }

    /** The one string the relay compares and indexes; call on a normalised value. */
    public String canonical() {
        return localNumber != null
                ? localNumber
                : String.join("|", insurerNumber, symbol == null ? "" : symbol, number, branch);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String normalised = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        return normalised.isEmpty() ? null : normalised;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new RelayException(RelayError.INVALID_LOCAL_ID, message);
        }
    }
}
