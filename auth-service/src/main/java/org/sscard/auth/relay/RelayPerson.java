package org.sscard.auth.relay;

import java.util.UUID;

/** A person as the login needs them: the opaque ID and the status (ACTIVE, MOVED_OUT, DECEASED, SUSPENDED). */
public record RelayPerson(UUID id, String status) {
}
