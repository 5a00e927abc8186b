package io.github.stealwatch.audit;

import static io.github.stealwatch.source.TestSamples.withCpus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.metrics.Counts;
import io.github.stealwatch.metrics.LiveMetrics;
import io.github.stealwatch.source.Boot;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.state.AuditState;
import io.github.stealwatch.time.FakeClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final Instant SAVED = Instant.parse("2026-11-26T06:00:00Z");

    private final FakeClock clock = new FakeClock();
    private final LiveMetrics thisRun = new LiveMetrics(clock);
    private final AuditState last = AuditState.of(new Boot("8f9561f7", 1_000_000_000_000L), SAVED, withCpus(0, 2, 7),
            new Counts(100, 1, 0, 2, 3, 4, 0, 0, 0), 1795900000);

    @Test
    void theCountsOfTheLastRunsGoOnWithThisRunsAdded() {
        thisRun.readFailed();
        thisRun.outcome(Outbox.Outcome.SENT);

        AuditState next = new Tally(Optional.of(last), thisRun).onto(last);

        assertEquals(new Counts(100, 2, 0, 2, 3, 5, 0, 0, 0), next.counts());
        assertEquals(1795900000, next.lastAnomalySeconds(), "none this run: the last one stands");
    }

    @Test
    void thisRunsAnomalyIsTheLastOneAndNoStateMeansCountingFromZero() {
        thisRun.anomalous(null, List.of(new StealWentBack("cpu", 9, 4)));

        AuditState next = new Tally(Optional.empty(), thisRun).onto(last);

        assertEquals(new Counts(0, 0, 0, 1, 0, 0, 0, 0, 0), next.counts());
        assertEquals(clock.wallTime().toEpochMilli() / 1000.0, next.lastAnomalySeconds());
    }

    @Test
    void theReadingsCarryEveryRunsCountsAndTheSpool() {
        assertEquals(new Counts(100, 1, 0, 2, 3, 4, 0, 0, 0),
                new Tally(Optional.of(last), thisRun).readings(2).counts());
        assertEquals(2, new Tally(Optional.of(last), thisRun).readings(2).spoolReports());
    }
}
