package io.github.stealwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatSnapshotTest {

    @Test
    void aSampleComesBackAsItWent() {
        Sample sample = TestSamples.withNumberedCpus(100, new int[] {0, 4, 8}, new long[] {1, 2, 18});

        assertEquals(sample, StatSnapshot.of(sample).toSample());
    }

    @Test
    void linesWiderThanAnyKernelPrintsKeepEveryColumnOfEveryLine() {
        long[] wide = new long[25];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = i + 1;
        }
        Sample sample = new Sample(7, TestSamples.line(CpuLine.AGGREGATE, 9),
                List.of(TestSamples.line(0, 4), new CpuLine("cpu1", 1, wide), TestSamples.line(2, 5)));

        assertEquals(sample, StatSnapshot.of(sample).toSample());
    }

    @Test
    void readsStealByPosition() {
        StatSnapshot snapshot = StatSnapshot.of(TestSamples.withNumberedCpus(0, new int[] {3, 5}, new long[] {7, 11}));

        assertEquals(2, snapshot.cpuCount());
        assertEquals(5, snapshot.cpuNumber(1));
        assertEquals(11, snapshot.cpuSteal(1));
        assertEquals(18, snapshot.aggregateSteal());
    }
}
