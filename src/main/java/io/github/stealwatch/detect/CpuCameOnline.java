package io.github.stealwatch.detect;

/** A {@code cpuN} line that is in the later sample and was not in the earlier one. */
public record CpuCameOnline(String line) implements Event {
}
