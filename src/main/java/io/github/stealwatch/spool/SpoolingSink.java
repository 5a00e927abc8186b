package io.github.stealwatch.spool;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.trace.Recording;
import io.github.stealwatch.trace.RecordingSink;
import java.util.List;

/**
 * The watch's recordings, written to the spool as they grow and handed to the flush process when
 * they end; each step on the mail thread, in order, so the sampling thread never waits for a disk.
 */
public final class SpoolingSink implements RecordingSink {

    private final BackgroundOutbox mailThread;
    private final DeliveryAgent agent;

    public SpoolingSink(BackgroundOutbox mailThread, DeliveryAgent agent) {
        this.mailThread = mailThread;
        this.agent = agent;
    }

    @Override
    public void started(Recording soFar) {
        mailThread.submit(() -> {
            agent.recordingStarted(soFar);
            return null;
        });
    }

    @Override
    public void added(Sample row, List<Anomaly> anomalies) {
        mailThread.submit(() -> {
            agent.recordingAdded(row, anomalies);
            return null;
        });
    }

    @Override
    public void finished(Recording recording) {
        mailThread.submit(() -> agent.recordingFinished(recording));
    }
}
