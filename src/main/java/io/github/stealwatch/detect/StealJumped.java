package io.github.stealwatch.detect;

/**
 * A steal counter that rose by more than the bound allows.
 *
 * @param elapsedNanos the measured time between the two samples
 * @param limit        with {@code physical}, the most steal that can accrue in that time;
 *                     otherwise the {@code --max-delta} the user gave
 * @param physical     whether {@code limit} is the physical maximum ({@code --max-delta auto})
 */
public record StealJumped(String line, long before, long after, long elapsedNanos, long limit, boolean physical)
        implements Anomaly {
}
