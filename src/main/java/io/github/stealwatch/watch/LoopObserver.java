package io.github.stealwatch.watch;

import io.github.stealwatch.source.StatSnapshot;

/**
 * Told what the sampling loop does, for the watch's metrics. Called on the sampling thread: an
 * implementation must be quick and allocate nothing on a healthy sample.
 */
public interface LoopObserver {

    LoopObserver NONE = new LoopObserver() {
    };

    /** A sample was read and the sink has taken it (so an anomaly in it is already known). */
    default void sampled(StatSnapshot sample) {
    }

    /** A read of /proc/stat failed. */
    default void readFailed() {
    }

    /** The next sample is more than an interval late by {@code lateNanos}: the VM was paused or the host overloaded. */
    default void stalled(long lateNanos) {
    }
}
