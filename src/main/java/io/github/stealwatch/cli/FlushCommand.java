package io.github.stealwatch.cli;

import io.github.stealwatch.spool.FlushResult;
import io.github.stealwatch.spool.FlushRunner;
import io.github.stealwatch.spool.FlushSettings;
import io.github.stealwatch.spool.Spool;
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
        FlushSettings settings = new FlushSettings(spool.directory(), spool.maxReports(), smtp.settings(spec));
        FlushResult result = new FlushRunner(settings, RootCommand.of(spec).clock, spec.commandLine().getOut(),
                spec.commandLine().getErr()).run();
        return result.waiting() == 0 ? ExitCodes.OK : ExitCodes.REPORTS_WAITING;
    }
}
