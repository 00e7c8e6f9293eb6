package io.lns.server.cli;

import io.lns.loadtest.LoadtestCommand;
import io.lns.server.daemon.CheckCommand;
import io.lns.server.daemon.RunCommand;
import io.lns.server.decode.DecodeCommand;
import io.lns.server.demo.DemoCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the lns jar: one subcommand per job. */
@Command(
        name = "lns",
        mixinStandardHelpOptions = true,
        version = "lns 0.1.0",
        description = "An L2TPv2 LNS (RFC 2661) for ISP broadband aggregation.",
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            CheckCommand.class,
            LoadtestCommand.class,
            DecodeCommand.class
        })
public final class LnsMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status (tests call this, not {@link #main}). */
    public static int run(String... args) {
        return new CommandLine(new LnsMain()).execute(args);
    }

    /** Runs a command line with its output and errors sent to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new LnsMain());
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
