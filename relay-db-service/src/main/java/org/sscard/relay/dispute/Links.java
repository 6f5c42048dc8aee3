package org.sscard.relay.dispute;

import java.util.List;

/** The answer of {@code GET /api/v1/persons/{id}/links}: newest first. */
public record Links(List<LinkView> links) {}
