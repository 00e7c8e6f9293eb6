package io.lns.loadtest;

import picocli.CommandLine;

/** Runs {@link LoadtestCommand} on its own, until the lns CLI registers it as a subcommand. */
public final class LoadtestMain {
    private LoadtestMain() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadtestCommand()).execute(args));
    }
}
