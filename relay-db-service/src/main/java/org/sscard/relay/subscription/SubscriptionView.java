package org.sscard.relay.subscription;

import java.time.Instant;
import java.util.UUID;

/** A resident's choice of one provider service: chosen when, withdrawn when. */
public record SubscriptionView(UUID id, String providerKey, String serviceKey, Instant chosenAt, Instant withdrawnAt) {}
