package io.github.stealwatch.watch;

import java.nio.file.Path;

/** What {@code stealwatch record} runs with, checked: where to read, how often, how long, and the trace file. */
public record RecordSettings(Path procRoot, Path sysRoot, long intervalNanos, long durationNanos, Path out) {
}
