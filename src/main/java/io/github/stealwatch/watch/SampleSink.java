package io.github.stealwatch.watch;

import io.github.stealwatch.source.StatSnapshot;
import java.io.IOException;

/** What the sampling loop feeds: the watchdog, or a trace file being recorded. */
public interface SampleSink {

    /**
     * Takes the next sample. The snapshot belongs to the caller, who fills it again with the read
     * after next: a sink may hold it until its next call returns (to compare the two), no longer;
     * {@link StatSnapshot#toSample()} keeps a copy.
     */
    void accept(StatSnapshot sample) throws IOException;
}
