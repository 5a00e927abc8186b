package io.github.stealwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextfilePublisherTest {

    /** Long enough that only the writes a test asks for happen. */
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path directory;

    private final AtomicInteger writes = new AtomicInteger();

    @Test
    void writesAtStartOnRequestAndOnceMoreWhenClosed() throws Exception {
        Textfile textfile = new Textfile(directory, MetricsCommand.WATCH);
        TextfilePublisher publisher = new TextfilePublisher(textfile, this::nextText, NEVER);

        publisher.start();
        assertEquals("write 1\n", Files.readString(textfile.file()), "written before start returns");

        publisher.writeSoon();
        awaitContent(textfile, "write 2\n");

        publisher.close();
        assertEquals("write 3\n", Files.readString(textfile.file()));
    }

    @Test
    void writesOnItsIntervalAsAHeartbeat() throws Exception {
        Textfile textfile = new Textfile(directory, MetricsCommand.WATCH);
        try (TextfilePublisher publisher = new TextfilePublisher(textfile, this::nextText, Duration.ofMillis(20))) {
            publisher.start();

            awaitWrites(4); // three more than the first, without being asked
        }
        assertEquals("write " + writes.get() + "\n", Files.readString(textfile.file()), "the last one at close");
    }

    @Test
    void aDirectoryThatCannotBeWrittenAtStartIsAnError() {
        Textfile textfile = new Textfile(directory.resolve("missing"), MetricsCommand.WATCH);
        TextfilePublisher publisher = new TextfilePublisher(textfile, this::nextText, NEVER);

        assertThrows(IOException.class, publisher::start);
    }

    @Test
    void aLaterWriteThatFailsIsRetriedOnTheNextOne() throws Exception {
        Path published = Files.createDirectory(directory.resolve("published"));
        Textfile textfile = new Textfile(published, MetricsCommand.WATCH);
        TextfilePublisher publisher = new TextfilePublisher(textfile, this::nextText, NEVER);
        publisher.start();
        Files.delete(textfile.file());
        Files.delete(published);

        publisher.writeSoon();
        awaitWrites(2);
        Files.createDirectory(published);
        publisher.close();

        assertEquals("write 3\n", Files.readString(textfile.file()));
    }

    private String nextText() {
        return "write " + writes.incrementAndGet() + "\n";
    }

    /** Waits for the writer thread: no timing is asserted, only that the write comes. */
    private static void awaitContent(Textfile textfile, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(textfile.file()) && Files.readString(textfile.file()).equals(expected))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never written: " + expected);
            }
            Thread.sleep(5);
        }
    }

    private void awaitWrites(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writes.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + writes.get() + " writes");
            }
            Thread.sleep(5);
        }
    }
}
