package io.github.stealwatch.time;

import java.time.Instant;

/**
 * The one way into time for the whole program: monotonic nanoseconds for intervals, wall time for
 * stamps, and a sleep that tests replace with an instant jump.
 */
public interface Clock {

    /** Nanoseconds from an arbitrary origin; never goes back (CLOCK_MONOTONIC on Linux). */
    long monotonicNanos();

    /** The wall-clock time, for stamps a person reads; it may jump. */
    Instant wallTime();

    /** Returns when {@link #monotonicNanos()} has reached {@code deadlineNanos}. */
    void sleepUntil(long deadlineNanos) throws InterruptedException;
}
