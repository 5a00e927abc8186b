package io.github.stealwatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report as {@code --mail-to -} prints it, read back: its subject, labelled lines and tripped lines. */
final class ReportText {

    /** Where a labelled line's text starts, and where its wrapped continuation lines are indented to. */
    private static final String CONTINUATION = " ".repeat(15);

    private static final String TRIPPED_HEADING = "Lines whose steal counter tripped";

    private final List<String> lines;
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    private ReportText(List<String> lines) {
        this.lines = lines;
        String label = null;
        for (String line : lines) {
            if (line.startsWith("  ") && !line.startsWith(CONTINUATION) && line.indexOf(':') > 0) {
                label = line.substring(2, line.indexOf(':') + 1);
                fields.computeIfAbsent(label, key -> new ArrayList<>()).add(line.substring(CONTINUATION.length()));
            } else if (label != null && line.startsWith(CONTINUATION)) {
                List<String> values = fields.get(label);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
            } else {
                label = null;
            }
        }
    }

    static ReportText parse(String text) {
        return new ReportText(List.of(text.split("\n", -1)));
    }

    /** How many reports the text holds. */
    int count() {
        return (int) lines.stream().filter(line -> line.startsWith("Subject: ")).count();
    }

    String subject() {
        return lines.get(0).substring("Subject: ".length());
    }

    /** Each line with {@code label}, its wrapped continuation joined to it. */
    List<String> field(String label) {
        return fields.getOrDefault(label, List.of());
    }

    /** The ids of the Known issue lines; empty when the report says none matches. */
    List<String> knownIssueIds() {
        List<String> ids = new ArrayList<>();
        for (String issue : field("Known issue:")) {
            String id = issue.substring(0, issue.indexOf(':'));
            if (!id.equals("none")) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The first column of the table of tripped lines. */
    List<String> trippedLines() {
        List<String> tripped = new ArrayList<>();
        int heading = lines.indexOf(lines.stream().filter(line -> line.startsWith(TRIPPED_HEADING)).findFirst()
                .orElseThrow(() -> new AssertionError("no table of tripped lines")));
        // The heading, then the table's own heading row, then one row a line until a blank line.
        for (String line : lines.subList(heading + 2, lines.size())) {
            if (line.isBlank()) {
                break;
            }
            tripped.add(line.substring(0, line.indexOf(' ')));
        }
        return tripped;
    }
}
