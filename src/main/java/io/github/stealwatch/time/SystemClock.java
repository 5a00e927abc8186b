package io.github.stealwatch.time;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/** The production clock: {@link System#nanoTime()} and the system's wall clock. */
public final class SystemClock implements Clock {

    @Override
    public long monotonicNanos() {
        return System.nanoTime();
    }

    @Override
    public Instant wallTime() {
        return Instant.now();
    }

    /**
     * Parks rather than sleeps: Java 17's {@code Thread.sleep} rounds to whole milliseconds, which
     * alone would put the watch up to half a millisecond off its 100 ms beat.
     */
    @Override
    public void sleepUntil(long deadlineNanos) throws InterruptedException {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
