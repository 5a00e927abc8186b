package io.github.stealwatch.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays rows out like {@code column -t}: every column as wide as its widest cell, two spaces
 * between columns, no padding after a row's last cell.
 */
final class ColumnTable {

    private static final String GAP = "  ";

    private final List<String[]> rows = new ArrayList<>();

    ColumnTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    String render() {
        int columns = rows.stream().mapToInt(cells -> cells.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] cells : rows) {
            for (int c = 0; c < cells.length; c++) {
                widths[c] = Math.max(widths[c], cells[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] cells : rows) {
            for (int c = 0; c < cells.length; c++) {
                out.append(cells[c]);
                if (c < cells.length - 1) {
                    out.append(" ".repeat(widths[c] - cells[c].length())).append(GAP);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
