package org.sscard.relay.dispute;

import jakarta.validation.constraints.Size;

/** The resident's "this is not me"; {@code reason}: what they wrote, if anything, for the provider's administrator. */
public record DisputeRequest(@Size(max = 500) String reason) {}
