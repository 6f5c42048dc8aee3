package org.sscard.relay.dispute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.sscard.relay.mapping.MappingView.MappingStatus;
import org.sscard.relay.provider.ProviderType;

/**
 * One link of a person to a provider as the resident sees it in My Portal ("Linked services"): which provider, since
 * and until when, its state, how it came to be ({@code MANUAL}, {@code AUTOMATIC}: five items agreed,
 * {@code REVIEWED}: an administrator decided) and the resident's latest dispute of it, if any. No local IDs: the
 * resident's own numbers are shown on the providers' own pages.
 */
public record LinkView(
        UUID mappingId,
        String providerKey,
        String nameJa,
        String nameEn,
        ProviderType providerType,
        LocalDate validFrom,
        LocalDate validTo,
        MappingStatus status,
        String linkedBy,
        Dispute dispute) {

    /** {@code status}: OPEN, CONFIRMED_NOT_THEIRS or REINSTATED (the review's own status). */
    public record Dispute(String status, Instant openedAt, Instant decidedAt) {}
}
