package io.github.stealwatch.source;

/**
 * Two snapshots filled in turn, so that the one handed out last stays whole while the next read
 * fills the other: a sink can compare each sample with the one before without copying either.
 */
public final class AlternatingSnapshots {

    private final StatSnapshot[] pair = {new StatSnapshot(), new StatSnapshot()};
    private int next;

    /** The snapshot to fill next: never the one {@link #filled()} returned last. */
    public StatSnapshot spare() {
        return pair[next];
    }

    /**
     * Marks the spare as filled and returns it. Call it only after a read succeeded: a read that
     * failed half-way leaves the spare unusable, and it must stay the spare.
     */
    public StatSnapshot filled() {
        StatSnapshot filled = pair[next];
        next = 1 - next;
        return filled;
    }
}
