package org.sscard.relay.person;

import java.util.UUID;

/** The relay-internal handle of a person, for the other features. */
public record PersonRef(long id, UUID opaqueId, PersonStatus status) {}
