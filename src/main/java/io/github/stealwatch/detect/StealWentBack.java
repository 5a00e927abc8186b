package io.github.stealwatch.detect;

/** A steal counter that decreased: counters since boot only grow unless the kernel is wrong. */
public record StealWentBack(String line, long before, long after) implements Anomaly {
}
