package org.sscard.desk.flags;

import java.time.Instant;

/** One time a clerk went over the rate limit. */
record ClerkFlag(
        Instant flaggedAt, String clerk, String clerkName, int checksInWindow, int maxChecks, long windowMinutes) {}
