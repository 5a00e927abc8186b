package io.github.stealwatch.spool;

import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.trace.Recording;
import java.time.Instant;

/**
 * A recording the watch spooled for the flush process to report: with everything its report
 * says besides the samples.
 *
 * @param source where the samples came from, e.g. "/proc/stat, every 100 ms"
 */
public record SpooledRecording(Envelope envelope, Instant spooledAt, HostFacts host, String source,
                               Recording recording) {
}
