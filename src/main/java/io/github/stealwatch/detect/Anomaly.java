package io.github.stealwatch.detect;

/** A steal counter that did what no healthy kernel makes it do. */
public sealed interface Anomaly extends Event permits StealWentBack, StealJumped {

    /** The steal counter in the earlier sample (unsigned). */
    long before();

    /** The steal counter in the later sample (unsigned). */
    long after();

    /** The change as the report's table prints it: the signed 64-bit difference of the raw values. */
    default long delta() {
        return after() - before();
    }
}
