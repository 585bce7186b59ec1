package dev.sluice.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What each pushed path may serve after a crash. Every path is written by one pusher thread only,
 * one push at a time, so per path there is at most one acknowledged body (the last one) and at most
 * one in-flight body whose fate the kill left unknown. After a restart the path must serve the
 * acknowledged body or, if it landed, the in-flight one; a path never acknowledged may also be
 * absent. Nothing else (a truncated or mixed body) is allowed.
 */
final class PushLedger {

    /** One path's state; mutated only by its owning thread until the round's kill. */
    static final class Entry {
        final String path;
        final boolean file;
        volatile byte @Nullable [] acked;
        volatile byte @Nullable [] inFlight;

        Entry(String path, boolean file) {
            this.path = path;
            this.file = file;
        }

        /** The bodies the path may serve now. */
        List<byte[]> allowed() {
            List<byte[]> allowed = new ArrayList<>(2);
            byte[] a = acked;
            byte[] f = inFlight;
            if (a != null) {
                allowed.add(a);
            }
            if (f != null) {
                allowed.add(f);
            }
            return allowed;
        }

        boolean mayBeAbsent() {
            return acked == null;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Entry entry(String path, boolean file) {
        return entries.computeIfAbsent(path, p -> new Entry(p, file));
    }

    Set<Map.Entry<String, Entry>> all() {
        return entries.entrySet();
    }

    /** Before a push: its body becomes the in-flight one. */
    static void sending(Entry e, byte[] body) {
        e.inFlight = body;
    }

    /** After a 200 without error: the body is durable from now on. */
    static void acknowledged(Entry e, byte[] body) {
        e.acked = body;
        e.inFlight = null;
    }

    /** After verification: what the node served is the state from now on ({@code null} = absent). */
    static void settle(Entry e, byte @Nullable [] served) {
        e.acked = served;
        e.inFlight = null;
    }

    /** Paths whose last push was cut off by the kill (its fate is for the restart to show). */
    long inFlightCount() {
        return entries.values().stream().filter(e -> e.inFlight != null).count();
    }

    long ackedCount() {
        return entries.values().stream().filter(e -> e.acked != null).count();
    }
}
