package io.github.stealwatch.spool;

import java.time.Duration;

/**
 * How long to wait before trying a failing mail server again: doubling from a first wait up to a
 * cap, so a relay that is down for a minute is retried soon and one down for a day is not hammered.
 */
final class RetryBackoff {

    /** A relay restarting or a network blip is over in well under a minute. */
    static final Duration FIRST = Duration.ofSeconds(30);

    /** Twice an hour is often enough for a relay that stays down; reports keep in the spool. */
    static final Duration CAP = Duration.ofMinutes(30);

    private final Duration first;
    private final Duration cap;
    private Duration next;

    RetryBackoff(Duration first, Duration cap) {
        this.first = first;
        this.cap = cap;
        this.next = first;
    }

    /** The wait before the next attempt; each call doubles the one after, up to the cap. */
    Duration next() {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(cap) > 0 ? cap : next.multipliedBy(2);
        return wait;
    }

    /** The server took mail again: the next failure starts from the first wait. */
    void reset() {
        next = first;
    }
}
