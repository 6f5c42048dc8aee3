package org.sscard.console.backend;

import java.time.Instant;
import java.util.UUID;

/** A resident's subscription to one provider service, as the relay answers a change to it. */
public record Subscription(UUID id, String providerKey, String serviceKey, Instant chosenAt, Instant withdrawnAt) {}
