package io.github.stealwatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ColumnTableTest {

    @Test
    void alignsLikeColumnDashT() {
        String table = new ColumnTable()
                .row("time", "stolen", "diff")
                .row("0ms", "784")
                .row("100ms", "1844670130367", "1844670129583")
                .render();

        assertEquals("""
                time   stolen         diff
                0ms    784
                100ms  1844670130367  1844670129583
                """, table);
    }
}
