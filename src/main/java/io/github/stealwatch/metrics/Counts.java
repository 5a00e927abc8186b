package io.github.stealwatch.metrics;

/**
 * What a command has counted so far: the counters its metrics file exports. The watch counts from
 * its start; audit keeps them in its state file, so they go on counting across runs and reboots.
 *
 * @param samples    reads of /proc/stat that succeeded
 * @param readErrors reads of /proc/stat that failed
 * @param stalls     samples more than an interval late (the watch only)
 * @param wentBack   samples in which a steal counter went back
 * @param jumped     samples in which a steal counter rose by more than can accrue
 * @param sent       reports the mail server accepted, spooled ones included when they go out
 * @param spooled    reports kept in the spool because the server did not take them then
 * @param printed    reports printed: on standard output ({@code --mail-to -}), or on standard error
 *                   when even the spool could not take them
 * @param dropped    reports dropped because the spool was full
 */
public record Counts(long samples, long readErrors, long stalls, long wentBack, long jumped,
                     long sent, long spooled, long printed, long dropped) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts other) {
        return new Counts(samples + other.samples, readErrors + other.readErrors, stalls + other.stalls,
                wentBack + other.wentBack, jumped + other.jumped, sent + other.sent, spooled + other.spooled,
                printed + other.printed, dropped + other.dropped);
    }
}
