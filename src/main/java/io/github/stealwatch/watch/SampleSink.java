package io.github.stealwatch.watch;

import io.github.stealwatch.source.Sample;
import java.io.IOException;

/** What the sampling loop feeds: the watchdog, or a trace file being recorded. */
public interface SampleSink {

    void accept(Sample sample) throws IOException;
}
