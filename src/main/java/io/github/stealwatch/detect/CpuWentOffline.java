package io.github.stealwatch.detect;

/** A {@code cpuN} line that was in the earlier sample and is gone from the later one. */
public record CpuWentOffline(String line) implements Event {
}
