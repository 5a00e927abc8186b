package io.github.stealwatch.mail;

import io.github.stealwatch.report.Report;
import java.io.PrintWriter;

/** Prints reports instead of mailing them ({@code --mail-to -}): a new user sees it work with no mail server. */
public final class PrintSender implements ReportSender {

    /** The envelope of a printed report: standard output has no addresses. */
    private static final Envelope STANDARD_OUTPUT = new Envelope("", "-");

    private final PrintWriter out;

    public PrintSender(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void send(Report report, Envelope envelope) {
        out.print(report.asText());
        out.println();
        out.flush();
    }

    @Override
    public Envelope envelope() {
        return STANDARD_OUTPUT;
    }

    @Override
    public String destination() {
        return "standard output";
    }

    @Override
    public boolean canFailForAWhile() {
        return false;
    }
}
