package io.github.stealwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OnlineCpusTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0           | 1
            0-1         | 2
            0-3,8       | 5
            0,2,4-7,63  | 7
            """)
    void countsAKernelCpuList(String list, int expected) {
        assertEquals(expected, OnlineCpus.countRanges(list));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(NumberFormatException.class, () -> OnlineCpus.countRanges("zero"));
    }

    @Test
    void countsAtLeastOneCpuHere() {
        assertTrue(OnlineCpus.count() >= 1);
    }
}
