package org.sscard.auth.saml;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded in-memory map whose entries lapse at their own instant. Full means refused (fail closed), never
 * evicting a live entry: for the replay cache an evicted ID could be replayed.
 */
final class ExpiringStore<V> {

    private record Entry<V>(V value, Instant until) {}

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;

    ExpiringStore(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Stores the value unless a live entry has the key (or the store is full); says whether it stored it. */
    boolean putIfAbsent(String key, V value, Instant until) {
        Instant now = clock.instant();
        if (entries.size() >= capacity) {
            entries.values().removeIf(e -> !e.until().isAfter(now));
            if (entries.size() >= capacity) {
                return false;
            }
        }
        Entry<V> fresh = new Entry<>(value, until);
        return entries.compute(key, (k, old) -> old == null || !old.until().isAfter(now) ? fresh : old) == fresh;
    }

    /** Removes and returns the live value under the key. */
    Optional<V> take(String key) {
        Entry<V> entry = entries.remove(key);
        return entry == null || !entry.until().isAfter(clock.instant()) ? Optional.empty() : Optional.of(entry.value());
    }
}
