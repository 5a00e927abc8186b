package io.github.stealwatch.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links and anchors of the project's documents, as GitHub and Asciidoctor resolve them: the
 * relative links of a Markdown file and their heading anchors, and the cross-references of an
 * AsciiDoc chapter and the explicit ids they point at. Each method returns what does not resolve,
 * one line each, so a test can print every broken link at once.
 */
final class DocLinks {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");
    private static final Pattern XREF = Pattern.compile("xref:([^\\[#\\s]*)#([^\\[\\s]+)\\[");
    private static final Pattern ANGLE_XREF = Pattern.compile("<<([^,>]+)(?:,[^>]*)?>>");
    private static final Pattern LINK_MACRO = Pattern.compile("(?<![\\w/])link:([^\\[\\s]+)\\[");
    private static final Pattern ADOC_ID = Pattern.compile("\\[#([\\w-]+)[\\].]|\\[\\[([\\w-]+)(?:,[^\\]]*)?\\]\\]");

    private DocLinks() {
    }

    /** The relative links of a Markdown file that name no file, or no heading of the file they name. */
    static List<String> brokenInMarkdown(Path file) {
        List<String> broken = new ArrayList<>();
        String text = FENCE.matcher(read(file)).replaceAll("");
        Matcher link = MARKDOWN_LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (!target.matches("(?i)(https?|mailto):.*")) {
                check(file, target, broken);
            }
        }
        return broken;
    }

    /** The cross-references and link macros of an AsciiDoc file that do not resolve. */
    static List<String> brokenInAsciiDoc(Path file) {
        List<String> broken = new ArrayList<>();
        String text = withoutComments(read(file));
        Matcher xref = XREF.matcher(text);
        while (xref.find()) {
            String path = xref.group(1).isEmpty() ? file.getFileName().toString() : xref.group(1);
            check(file, path + "#" + xref.group(2), broken);
        }
        Matcher angle = ANGLE_XREF.matcher(text);
        while (angle.find()) {
            check(file, file.getFileName() + "#" + angle.group(1).trim(), broken);
        }
        Matcher macro = LINK_MACRO.matcher(text);
        while (macro.find()) {
            if (!macro.group(1).matches("(?i)(https?|mailto):.*")) {
                check(file, macro.group(1), broken);
            }
        }
        return broken;
    }

    /** The ids a document's anchors can point at: explicit ids in AsciiDoc, GitHub's heading slugs in Markdown. */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        String text = read(file);
        if (file.toString().endsWith(".md")) {
            Matcher heading = MARKDOWN_HEADING.matcher(FENCE.matcher(text).replaceAll(""));
            while (heading.find()) {
                anchors.add(githubSlug(heading.group(1)));
            }
        } else {
            Matcher id = ADOC_ID.matcher(text);
            while (id.find()) {
                anchors.add(id.group(1) != null ? id.group(1) : id.group(2));
            }
        }
        return anchors;
    }

    /** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
    static String githubSlug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static void check(Path from, String target, List<String> broken) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path resolved = path.isEmpty() ? from : from.resolveSibling(path).normalize();
        if (!Files.exists(resolved)) {
            broken.add(from + ": " + target + ": no such file " + resolved);
        } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
            broken.add(from + ": " + target + ": " + resolved + " has no anchor " + target.substring(hash + 1));
        }
    }

    /** AsciiDoc without its line comments, where a commented-out reference would otherwise count. */
    private static String withoutComments(String text) {
        return text.replaceAll("(?m)^//.*$", "");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
