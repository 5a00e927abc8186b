package io.github.stealwatch.detect;

/**
 * A steal counter that rose by more than its bound allows over a stretch of samples.
 *
 * @param before       the counter at the start of the stretch: the sample before this one with
 *                     a fixed {@code --max-delta}; with {@code auto}, the last sample at which the
 *                     line had used none of its lump allowance
 * @param after        the counter at the sample that tripped
 * @param elapsedNanos the measured time the stretch lasted
 * @param cpus         the CPUs the line covers
 * @param limit        the largest rise {@code bound} allows over that stretch
 * @param bound        the rule the rise broke
 */
public record StealJumped(String line, long before, long after, long elapsedNanos, int cpus, long limit,
                          MaxDelta bound) implements Anomaly {
}
