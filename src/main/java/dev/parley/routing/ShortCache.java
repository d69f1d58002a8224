package dev.parley.routing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps workspace objects for a second: they are read on every message but change rarely. Changes
 * made here clear it at once, and on the other nodes too when they share Redis; without it, a change
 * made on another node is seen within that second.
 */
final class ShortCache<T> {
    private static final long TTL_NANOS = 1_000_000_000L;

    private record Entry<T>(T value, long until) {}

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();

    T get(String key, Supplier<T> load) {
        long now = System.nanoTime();
        Entry<T> e = entries.get(key);
        if (e != null && e.until() - now > 0) {
            return e.value();
        }
        T value = load.get();
        entries.put(key, new Entry<>(value, now + TTL_NANOS));
        return value;
    }

    void clear() {
        entries.clear();
    }
}
