package io.github.stealwatch;

import static io.github.stealwatch.source.ProcRoots.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the built, shaded jar as a user would: {@code java -jar target/stealwatch.jar ...}. */
class StealwatchJarIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** The table as the article printed it: the first rows of the mail its script sent. */
    static final String ARTICLE_TABLE = golden("article-table.txt");

    @Test
    void replaysTheArticlesTraceToStandardOutput() throws Exception {
        Result result = run("replay", trace(), "--mail-to", "-");

        assertEquals(2, result.exitCode, result.toString());
        assertTrue(result.out.startsWith("Subject: Steal time jumped! on stretch-xen-guest\n\n" + ARTICLE_TABLE),
                result.toString());
    }

    @Test
    void mailsFromTheShadedJarThroughARealSmtpServer() throws Exception {
        // Fails only in a jar whose META-INF/services lost jakarta.mail's providers.
        Result result = run("replay", trace(), "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(SMTP.getSmtp().getPort()), "--mail-to", "root@example.org");

        assertEquals(2, result.exitCode, result.toString());
        assertEquals(1, SMTP.getReceivedMessages().length, result.toString());
        assertEquals("Steal time jumped! on stretch-xen-guest", SMTP.getReceivedMessages()[0].getSubject());
        assertTrue(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0]).replace("\r\n", "\n").startsWith(ARTICLE_TABLE));
    }

    @Test
    void printsItsVersion() throws Exception {
        Result result = run("--version");

        assertEquals(0, result.exitCode, result.toString());
        assertTrue(result.out.startsWith("stealwatch "), result.toString());
    }

    @Test
    void aWrongOptionIsOneLineWithoutAStackTrace() throws Exception {
        Result result = run("watch", "--interval", "soon");

        assertEquals(3, result.exitCode, result.toString());
        assertEquals(1, result.err.lines().count(), result.toString());
        assertFalse(result.err.contains("Exception"), result.toString());
    }

    @Test
    void aMissingProcRootExits3() throws Exception {
        Result result = run("watch", "--proc-root", "/nonexistent", "--mail-to", "-");

        assertEquals(3, result.exitCode, result.toString());
        assertEquals("stealwatch watch: no such file: /nonexistent/stat\n", result.err);
    }

    private static String trace() throws Exception {
        return Paths.get(StealwatchJarIT.class.getResource("/traces/article-xen-guest.trace").toURI()).toString();
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(System.getProperty("stealwatch.jar", "target/stealwatch.jar"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        // Read both streams fully; they are small, and the process ends on its own.
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("stealwatch did not finish: " + command);
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
