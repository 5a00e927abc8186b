package io.github.stealwatch.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The manual as the package installs it (pom.xml, "manual", renders it before the tests): one page
 * whose every internal link has its anchor, and that loads nothing from the network, so it reads the
 * same on a host with no way out.
 */
class ManualHtmlTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern CSS_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");

    private static String html() {
        String dir = System.getProperty("docs.html");
        assertTrue(dir != null, "docs.html is not set: run the tests with Maven, which renders the manual first");
        return DocLinks.read(Path.of(dir, "manual.html"));
    }

    @Test
    void everyLinkIsAnAnchorOnThePageOrAnAddressOnTheWeb() {
        String html = html();
        Set<String> ids = new HashSet<>();
        Matcher id = ID.matcher(html);
        while (id.find()) {
            ids.add(id.group(1));
        }
        List<String> broken = new ArrayList<>();
        Matcher href = HREF.matcher(html);
        int internal = 0;
        while (href.find()) {
            String target = href.group(1);
            if (target.startsWith("#")) {
                internal++;
                if (!ids.contains(target.substring(1))) {
                    broken.add(target);
                }
            } else if (!target.matches("(https?|mailto):.*")) {
                broken.add(target + " (a file beside the page: an xref to a chapter the manual does not include?)");
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(internal > 50, "the table of contents and the cross-references: " + internal);
    }

    @Test
    void thePageLoadsNothingFromTheNetwork() {
        String html = html();
        String withoutCssComments = CSS_COMMENT.matcher(html).replaceAll("");
        for (String external : List.of("<link", "<script", "@import", "url(http", "src=\"http")) {
            assertTrue(!withoutCssComments.contains(external), "the manual loads something: " + external);
        }
        assertTrue(html.contains("<style>"), "the stylesheet is embedded");
    }

    @Test
    void everyChapterManualAdocIncludesIsOnThePage() {
        String html = html();
        Matcher include = Pattern.compile("(?m)^include::([\\w-]+\\.adoc)\\[\\]").matcher(
                DocLinks.read(Path.of("src/docs/manual.adoc")));
        int chapters = 0;
        while (include.find()) {
            Set<String> anchors = DocLinks.anchors(Path.of("src/docs", include.group(1)));
            String chapter = anchors.iterator().next();
            assertTrue(html.contains("id=\"" + chapter + "\""), include.group(1) + ": no #" + chapter + " on the page");
            chapters++;
        }
        assertTrue(chapters > 10, "manual.adoc includes its chapters: " + chapters);
    }
}
