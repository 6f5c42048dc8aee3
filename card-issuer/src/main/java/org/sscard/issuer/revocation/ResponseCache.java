package org.sscard.issuer.revocation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The responder's answers to nonce-less requests, bounded in size and time: at most {@code maxEntries} (the least
 * recently used goes first), each served only until its {@code freshUntil} and only in the status generation it
 * was made in (a stale entry is dropped when met). Keys are chosen by whoever asks, so without the bound a stream
 * of distinct CertIDs would fill the heap.
 */
final class ResponseCache {

    private final int maxEntries;
    private final LinkedHashMap<String, Entry> entries;

    ResponseCache(int maxEntries) {
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > ResponseCache.this.maxEntries;
            }
        };
    }

    /** The answer cached under {@code key} if still fresh at {@code now} and made in {@code generation}. */
    synchronized OcspResponder.Response get(String key, long generation, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.generation() != generation || !entry.freshUntil().isAfter(now)) {
            entries.remove(key);
            return null;
        }
        return entry.response();
    }

    synchronized void put(String key, OcspResponder.Response response, Instant freshUntil, long generation) {
        if (maxEntries > 0) {
            entries.put(key, new Entry(response, freshUntil, generation));
        }
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    private record Entry(OcspResponder.Response response, Instant freshUntil, long generation) {}
}
