package io.github.stealwatch.mail;

import io.github.stealwatch.report.Report;
import java.io.PrintWriter;

/** Prints reports instead of mailing them ({@code --mail-to -}): a new user sees it work with no mail server. */
public final class PrintSender implements ReportSender {

    private final PrintWriter out;

    public PrintSender(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void send(Report report) {
        out.print(report.asText());
        out.println();
        out.flush();
    }

    @Override
    public String destination() {
        return "standard output";
    }
}
