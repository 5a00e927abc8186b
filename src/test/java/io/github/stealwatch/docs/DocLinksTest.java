package io.github.stealwatch.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every relative link and anchor in README.md, the performance record and the manual's sources
 * resolves, as GitHub shows them: a renamed section or a moved file fails here, not in a reader's
 * browser. The rendered page is checked by {@link ManualHtmlTest}.
 */
class DocLinksTest {

    static Stream<Path> markdownFiles() {
        return Stream.of(Path.of("README.md"), Path.of("src/bench/README.md"));
    }

    static Stream<Path> asciiDocFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/docs"))) {
            List<Path> adoc = files.filter(file -> file.toString().endsWith(".adoc")).sorted().toList();
            assertTrue(adoc.size() > 10, "src/docs holds the manual's chapters: " + adoc);
            return adoc.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("markdownFiles")
    void everyRelativeLinkInAMarkdownFileResolves(Path file) {
        assertEquals(List.of(), DocLinks.brokenInMarkdown(file));
    }

    @ParameterizedTest
    @MethodSource("asciiDocFiles")
    void everyCrossReferenceInTheManualResolves(Path file) {
        assertEquals(List.of(), DocLinks.brokenInAsciiDoc(file));
    }

    @Test
    void theReadmeLinksIntoTheManual() {
        String readme = DocLinks.read(Path.of("README.md"));
        assertTrue(readme.contains("](src/docs/reports.adoc#report-arrived)"), "no link to 'A report arrived'");
        assertTrue(readme.lines().count() <= 250, "README.md is at most 250 lines: " + readme.lines().count());
    }

    @Test
    void aBrokenLinkAndAMissingAnchorAreFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), "# A title\n\n[ok](#a-title) [gone](#nowhere) [file](b.md) "
                + "[there](c.adoc#here) [not](c.adoc#missing) [web](https://example.org/x)\n");
        Files.writeString(dir.resolve("c.adoc"), "[#here]\n== Here\n\nxref:c.adoc#here[self] <<nope,no>> "
                + "link:a.md[a] link:d.txt[d]\n// xref:c.adoc#commented[out]\n");
        List<String> markdown = DocLinks.brokenInMarkdown(dir.resolve("a.md"));
        assertEquals(3, markdown.size(), markdown.toString());
        assertTrue(markdown.get(0).contains("#nowhere") && markdown.get(1).contains("b.md")
                && markdown.get(2).contains("c.adoc#missing"), markdown.toString());
        List<String> adoc = DocLinks.brokenInAsciiDoc(dir.resolve("c.adoc"));
        assertEquals(2, adoc.size(), adoc.toString());
        assertTrue(adoc.get(0).contains("no anchor nope") && adoc.get(1).contains("d.txt"), adoc.toString());
    }

    @Test
    void githubSlugsHeadingsAsGithubDoes() {
        assertEquals("against-the-articles-loop-and-a-c-poller", DocLinks.githubSlug("Against the article's loop and a C poller"));
        assertEquals("start-up-of-the-one-shot-commands", DocLinks.githubSlug("Start-up of the one-shot commands"));
        assertEquals("stealwatch-watch", DocLinks.githubSlug("`stealwatch watch`"));
        assertFalse(DocLinks.anchors(Path.of("README.md")).isEmpty());
    }
}
