package io.github.stealwatch.cli;

import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.mail.SmtpSender;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.spool.FlushResult;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.spool.Spool;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stealwatch flush}: mails the spooled reports now, oldest first, each to its own recipient. */
@Command(name = "flush", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Mail the reports waiting in the spool, oldest first, each to the recipient it was "
                + "spooled for; a report is deleted once the SMTP server has accepted it.",
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {"0:the spool is empty", "1:reports still wait (the server refused one, or a file "
                + "cannot be read)", ExitCodes.HELP_CANNOT_MEASURE_SPOOL})
final class FlushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SpoolOptions spooling;

    @Mixin
    SmtpOptions smtp;

    @Override
    public Integer call() throws Exception {
        Spool spool = spooling.spool(spec);
        // Each spooled report carries its own sender and recipient; this envelope is never used.
        String host = HostFactsReader.read(Path.of("/proc")).hostName();
        SmtpSender sender = new SmtpSender(smtp.settings(spec), new Envelope("stealwatch@" + host, "root"));
        Outbox outbox = new Outbox(sender, spool, RootCommand.of(spec).clock, spec.commandLine().getErr());
        FlushResult result = outbox.flush();
        spec.commandLine().getOut().println(result.summary(spool.directory()));
        return result.waiting() == 0 ? ExitCodes.OK : ExitCodes.REPORTS_WAITING;
    }
}
