package io.github.stealwatch.report;

import java.util.ArrayList;
import java.util.List;

/** Writes "  Label:      text" lines wrapped onto indented continuation lines, as a mail reader shows them. */
final class LabelledText {

    /** Mail readers show about this many columns without wrapping lines themselves. */
    static final int WIDTH = 100;

    private static final String INDENT = "               ";

    /** Units that stay on the line of their number. */
    private static final List<String> UNITS = List.of("ms", "s", "min", "h", "d", "ticks");

    private LabelledText() {
    }

    /** The text's words, a unit kept with its number ("400 ms") so a line never breaks between them. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split(" ")) {
            boolean unit = UNITS.contains(word.replaceAll("[^a-z]", ""))
                    && !words.isEmpty() && words.get(words.size() - 1).matches(".*\\d");
            if (unit) {
                words.set(words.size() - 1, words.get(words.size() - 1) + " " + word);
            } else {
                words.add(word);
            }
        }
        return words;
    }

    /** Appends "  Label:  text", wrapped at {@link #WIDTH} with continuation lines under the text. */
    static void append(StringBuilder out, String label, String text) {
        String prefix = "  " + label + " ".repeat(INDENT.length() - 2 - label.length());
        StringBuilder line = new StringBuilder(prefix);
        for (String word : words(text)) {
            if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(INDENT);
            } else if (line.length() > INDENT.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append('\n');
    }
}
