package io.github.stealwatch.state;

import static io.github.stealwatch.source.TestSamples.withCpus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.source.Boot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaselineComparisonTest {

    private static final long SECOND = 1_000_000_000L;
    private static final Instant NOW = Instant.parse("2026-11-26T06:10:00Z");

    private static StealDetector detector() {
        return new StealDetector(MaxDelta.Auto.withDefaultAllowance(), 2);
    }

    private static AuditState state(String boot, long uptimeSeconds, long... cpuSteals) {
        return stateAt(NOW, boot, uptimeSeconds, cpuSteals);
    }

    private static AuditState stateAt(Instant savedAt, String boot, long uptimeSeconds, long... cpuSteals) {
        return AuditState.of(new Boot(boot, uptimeSeconds * SECOND), savedAt, withCpus(0, cpuSteals));
    }

    @Test
    void theFirstRunHasNothingToCompare() {
        BaselineComparison comparison = BaselineComparison.of(Optional.empty(), state("a", 600, 5, 5), detector());

        assertEquals(BaselineComparison.Kind.FIRST_RUN, comparison.kind());
        assertEquals(List.of(), comparison.anomalies());
    }

    @Test
    void onTheSameBootStealMayRiseAsFastAsTheCpusCanBeStolenPlusTheAllowanceOnce() {
        // 600 s plus the 60 s allowance on one CPU: 66000 ticks, and 2 for rounding.
        BaselineComparison comparison = BaselineComparison.of(Optional.of(state("a", 1000, 100, 100)),
                state("a", 1600, 100 + 66_002, 100), detector());

        assertEquals(BaselineComparison.Kind.SAME_BOOT, comparison.kind());
        assertEquals(List.of(), comparison.anomalies());
        assertEquals(600 * SECOND, comparison.elapsedNanos());
    }

    @Test
    void oneTickMoreThanTheUptimeAndTheAllowanceCanHoldIsAnAnomaly() {
        BaselineComparison comparison = BaselineComparison.of(Optional.of(state("a", 1000, 100, 100)),
                state("a", 1600, 100 + 66_003, 100), detector());

        assertEquals(List.of(new StealJumped("cpu0", 100, 66_103, 600 * SECOND, 1, 66_002,
                MaxDelta.Auto.withDefaultAllowance())), comparison.anomalies());
    }

    @Test
    void onTheSameBootGoingBackOrJumpingIsAnAnomalyPerLine() {
        BaselineComparison comparison = BaselineComparison.of(Optional.of(state("a", 1000, 100, 100)),
                state("a", 1600, 99, 500_100), detector());

        assertEquals(List.of("cpu", "cpu0", "cpu1"), comparison.anomalies().stream().map(a -> a.line()).toList());
        assertEquals(StealWentBack.class, comparison.anomalies().get(1).getClass());
        assertEquals(StealJumped.class, comparison.anomalies().get(2).getClass());
    }

    @Test
    void aNewBootIsANewBaselineWhateverTheCounters() {
        BaselineComparison comparison = BaselineComparison.of(Optional.of(state("a", 1000, 100, 100)),
                state("b", 30, 0, 0), detector());

        assertEquals(BaselineComparison.Kind.NEW_BOOT, comparison.kind());
        assertEquals(List.of(), comparison.anomalies());
    }

    @Test
    void anUptimeLowerThanTheSavedOneOnTheSameBootIsNotCompared() {
        BaselineComparison comparison = BaselineComparison.of(Optional.of(state("a", 1000, 100, 100)),
                state("a", 900, 0, 0), detector());

        assertEquals(BaselineComparison.Kind.UPTIME_WENT_BACK, comparison.kind());
        assertEquals(List.of(), comparison.anomalies());
    }

    /**
     * Seen under systemd as PID 1 in nspawn: an audit typed by hand read the container's boot id, the
     * unit's the kernel's. The uptime grew with the clock, which no reboot allows: compared.
     */
    @Test
    void anotherBootIdWhoseUptimeGrewWithTheClockIsTheSameBoot() {
        BaselineComparison comparison = BaselineComparison.of(Optional.of(stateAt(NOW, "container", 1000, 100, 100)),
                stateAt(NOW.plusSeconds(600).plusMillis(400), "kernel", 1600, 99, 100), detector());

        assertEquals(BaselineComparison.Kind.SAME_BOOT_OTHER_ID, comparison.kind());
        assertEquals(List.of("cpu", "cpu0"), comparison.anomalies().stream().map(a -> a.line()).toList());
    }

    /** A reboot leaves the uptime behind the clock by the old boot's uptime at the last run, here 30 s. */
    @Test
    void anotherBootIdWhoseUptimeFellBehindTheClockIsANewBoot() {
        BaselineComparison comparison = BaselineComparison.of(Optional.of(stateAt(NOW, "a", 30, 100, 100)),
                stateAt(NOW.plusSeconds(600), "b", 570, 0, 0), detector());

        assertEquals(BaselineComparison.Kind.NEW_BOOT, comparison.kind());
        assertEquals(List.of(), comparison.anomalies());
    }

    /** Beyond the slip an NTP step explains, another id is taken for another boot: no comparison, no alarm. */
    @Test
    void anotherBootIdWithAClockStepBeyondTheSlipIsANewBoot() {
        BaselineComparison comparison = BaselineComparison.of(Optional.of(stateAt(NOW, "a", 100_000, 100, 100)),
                stateAt(NOW.plusSeconds(600 + 61), "b", 100_600, 100, 100), detector());

        assertEquals(BaselineComparison.Kind.NEW_BOOT, comparison.kind());
    }
}
