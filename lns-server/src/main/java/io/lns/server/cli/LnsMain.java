package io.lns.server.cli;

/** Entry point of the lns jar; subcommands are added as they get real code. */
public final class LnsMain {
    private LnsMain() {}

    public static void main(String[] args) {
        System.out.println("lns");
    }
}
