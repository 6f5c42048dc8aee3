package org.sscard.relay.mapping;

import java.time.LocalDate;
import java.util.UUID;
import org.sscard.relay.provider.IdScheme;

/** One service-ID mapping: this person is {@code localId} at {@code providerKey} from {@code validFrom}. */
public record MappingView(
        UUID id,
        String providerKey,
        IdScheme idScheme,
        ProviderLocalId localId,
        LocalDate validFrom,
        LocalDate validTo,
        MappingStatus status,
        String endReason) {

    public enum MappingStatus {
        ACTIVE,
        ENDED,
        /** The resident said it is not them: out of every look-up until the provider's administrator decides. */
        SUSPENDED,
        /** The provider's administrator confirmed it is not the person's: out of every look-up for good. */
        REMOVED
    }
}
