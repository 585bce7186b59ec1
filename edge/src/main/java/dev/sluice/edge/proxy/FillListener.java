package dev.sluice.edge.proxy;

import dev.sluice.cache.CachedResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hears how a fetch that other requests wait on ended (request collapsing): the waiters serve a
 * stored response from memory, fetch on their own when it was not stored, or serve their stale copy on failure.
 * Exactly one method is called, once.
 */
public interface FillListener {

    /** Hears nothing: no one waits. */
    FillListener NONE = new FillListener() {
        @Override
        public void stored(CachedResponse response) {}

        @Override
        public void passed() {}

        @Override
        public void failed(Throwable cause) {}
    };

    /** The response was stored (or refreshed by a 304), before this call. */
    void stored(CachedResponse response);

    /** The response is not stored (not cacheable, larger than announced, dropped, or its client left). */
    void passed();

    /** The origin failed, timed out or answered 5xx. */
    void failed(Throwable cause);

    /** This listener, guarded so that only the first call gets through. */
    default FillListener once() {
        FillListener inner = this;
        AtomicBoolean done = new AtomicBoolean();
        return new FillListener() {
            @Override
            public void stored(CachedResponse response) {
                if (done.compareAndSet(false, true)) {
                    inner.stored(response);
                }
            }

            @Override
            public void passed() {
                if (done.compareAndSet(false, true)) {
                    inner.passed();
                }
            }

            @Override
            public void failed(Throwable cause) {
                if (done.compareAndSet(false, true)) {
                    inner.failed(cause);
                }
            }
        };
    }
}
