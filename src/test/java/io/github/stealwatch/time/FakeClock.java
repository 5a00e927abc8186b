package io.github.stealwatch.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A clock that tests move by hand; sleeping jumps straight to the deadline and is remembered. */
public final class FakeClock implements Clock {

    private long nanos = TimeUnit.SECONDS.toNanos(1000);
    private final List<Long> sleptUntil = new ArrayList<>();
    private Runnable onSleep = () -> { };

    @Override
    public long monotonicNanos() {
        return nanos;
    }

    @Override
    public Instant wallTime() {
        return Instant.parse("2026-11-26T00:00:00Z").plusNanos(nanos);
    }

    @Override
    public void sleepUntil(long deadlineNanos) {
        sleptUntil.add(deadlineNanos);
        nanos = Math.max(nanos, deadlineNanos);
        onSleep.run();
    }

    /** Runs {@code action} after each sleep: how a test changes the world while "time passes". */
    public FakeClock onSleep(Runnable action) {
        this.onSleep = action;
        return this;
    }

    public void advanceMillis(long millis) {
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** The deadlines {@link #sleepUntil} was called with, in order. */
    public List<Long> deadlines() {
        return sleptUntil;
    }
}
