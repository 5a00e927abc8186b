package io.github.stealwatch.spool;

import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.mail.SmtpSender;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Runs {@code stealwatch flush}: makes the reports of the spooled recordings and mails what waits,
 * oldest first, each to its own recipient; prints one summary line, which the watch reads.
 */
public final class FlushRunner {

    private final FlushSettings settings;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;

    public FlushRunner(FlushSettings settings, Clock clock, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public FlushResult run() throws IOException {
        Spool spool = new Spool(settings.spoolDirectory(), settings.spoolMax(), clock);
        // Each spooled report carries its own sender and recipient; this envelope is never used.
        String host = HostFactsReader.read(Path.of("/proc")).hostName();
        SmtpSender sender = new SmtpSender(settings.smtp(), new Envelope("stealwatch@" + host, "root"));
        FlushResult result = new Outbox(sender, spool, clock, err).flush();
        out.println(result.summary(spool.directory()));
        return result;
    }
}
