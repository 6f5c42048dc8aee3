package org.sscard.issuer.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The responder's cache of answers to nonce-less requests is bounded in entries and in time. */
class ResponseCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private static final OcspResponder.Response ANSWER = new OcspResponder.Response(new byte[] {1}, NOW);

    @Test
    void neverHoldsMoreThanItsBoundAfterAHundredThousandDistinctNoncelessRequests() {
        ResponseCache cache = new ResponseCache(1000);
        int largest = 0;
        for (int i = 0; i < 100_000; i++) {
            cache.put("certid-" + i, ANSWER, NOW.plusSeconds(150), 0);
            largest = Math.max(largest, cache.size());
        }
        assertThat(largest).isEqualTo(1000);
        assertThat(cache.get("certid-99999", 0, NOW)).isSameAs(ANSWER);
        assertThat(cache.get("certid-0", 0, NOW))
                .as("the least recently used went first")
                .isNull();
    }

    @Test
    void keepsTheRecentlyUsedAnswerWhenFull() {
        ResponseCache cache = new ResponseCache(2);
        cache.put("a", ANSWER, NOW.plusSeconds(150), 0);
        cache.put("b", ANSWER, NOW.plusSeconds(150), 0);
        cache.get("a", 0, NOW);
        cache.put("c", ANSWER, NOW.plusSeconds(150), 0);

        assertThat(cache.get("a", 0, NOW)).isSameAs(ANSWER);
        assertThat(cache.get("b", 0, NOW)).isNull();
    }

    @Test
    void neverServesNorKeepsAnAnswerPastItsFreshnessOrFromAnEarlierStatusGeneration() {
        ResponseCache cache = new ResponseCache(10);
        cache.put("old", ANSWER, NOW.plusSeconds(150), 0);
        cache.put("changed", ANSWER, NOW.plusSeconds(150), 0);

        assertThat(cache.get("old", 0, NOW.plus(Duration.ofSeconds(150)))).isNull();
        assertThat(cache.get("changed", 1, NOW)).isNull();
        assertThat(cache.size()).as("both dropped when met").isZero();
    }

    @Test
    void aBoundOfZeroCachesNothing() {
        ResponseCache cache = new ResponseCache(0);
        cache.put("a", ANSWER, NOW.plusSeconds(150), 0);
        assertThat(cache.size()).isZero();
    }
}
