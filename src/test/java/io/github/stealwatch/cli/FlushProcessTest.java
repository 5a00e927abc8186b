package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stealwatch.Main;
import io.github.stealwatch.log.LogLevel;
import io.github.stealwatch.spool.Spool;
import io.github.stealwatch.time.SystemClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flush the watch hands its reports to gets the watch's spool and SMTP options, and never a password. */
class FlushProcessTest {

    @Test
    void theFlushRunsThisJarsMainWithTheWatchsSpoolAndRelay() {
        SmtpOptions smtp = new SmtpOptions();
        smtp.host = "relay.example.org";
        smtp.port = 587;
        smtp.startTls = true;
        smtp.user = "stealwatch";
        smtp.passwordFile = Path.of("/run/credentials/stealwatch.service/smtp-password");
        smtp.caFile = Path.of("/etc/stealwatch/relay-ca.pem");
        Spool spool = new Spool(Path.of("/var/lib/stealwatch/spool"), 50, new SystemClock());

        List<String> command = FlushProcess.command(spool, smtp, ConfigFile.NONE, LogLevel.WARN);

        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), command.get(0));
        int main = command.indexOf(Main.class.getName());
        assertEquals(List.of("-cp", System.getProperty("java.class.path")), command.subList(main - 2, main));
        assertEquals(RootCommand.QUIET, command.get(main + 1), "the watch's log level");
        assertEquals(List.of("flush", "--spool-dir", "/var/lib/stealwatch/spool", "--spool-max", "50",
                "--smtp-host", "relay.example.org", "--smtp-port", "587", "--smtp-starttls", "--smtp-user", "stealwatch",
                "--smtp-password-file", "/run/credentials/stealwatch.service/smtp-password",
                "--smtp-ca-file", "/etc/stealwatch/relay-ca.pem"), command.subList(command.indexOf("flush"),
                command.size()));
    }
}
