package org.sscard.auth.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What RFC 7523 leaves to the server and Spring Authorization Server's claim rules do not check: a client assertion
 * must say when it was made ({@code iat}), not in the future beyond the clock skew, and live at most
 * {@link #MAX_LIFETIME} ({@code exp - iat}). Without these, one assertion made to last a year could be replayed for a
 * year once its {@code jti} is forgotten, and the replay store would have to remember it that long.
 */
final class AssertionLifetime {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private AssertionLifetime() {}

    /**
     * Why the assertion's lifetime is refused, or empty if it is acceptable at {@code now}. {@code issued}: the
     * assertion's own {@code iat} as signed, or null (not {@link Jwt#getIssuedAt()}: Spring's claim mapping makes up
     * an iat one second before exp when there is none).
     */
    static Optional<String> refusal(Instant issued, Instant expires, Instant now) {
        if (issued == null || expires == null) {
            return Optional.of("the client assertion must have iat and exp");
        }
        if (issued.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("the client assertion's iat is in the future");
        }
        if (!expires.isAfter(issued)) {
            return Optional.of("the client assertion expires before it was issued");
        }
        if (Duration.between(issued, expires).compareTo(MAX_LIFETIME) > 0) {
            return Optional.of("the client assertion lives longer than " + MAX_LIFETIME.toMinutes() + " minutes");
        }
        return Optional.empty();
    }
}
