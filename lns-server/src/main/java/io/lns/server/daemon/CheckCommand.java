package io.lns.server.daemon;

import io.lns.config.Config;
import io.lns.config.ConfigException;
import io.lns.config.ConfigLoader;
import io.lns.linux.Capabilities;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lns check -c FILE}: validates a configuration and exits, like {@code prol2tpd -n}. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validate a configuration file and exit.")
public final class CheckCommand implements Callable<Integer> {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "Configuration file (default: embedded).")
    Path config;

    @Override
    public Integer call() {
        return check(config);
    }

    /** What this host offers each data path, and what {@code auto} would pick here. */
    private static void printDataPaths(Config c) {
        Capabilities caps = Capabilities.probe();
        System.out.println("Data path: system.dataplane is "
                + c.system().dataPlane().name().toLowerCase()
                + "; auto would pick " + (caps.kernelDataPath() ? "kernel" : caps.tunDataPath() ? "tun" : "none")
                + " on this host:");
        caps.describe().forEach(line -> System.out.println("  " + line));
    }

    /** Prints "Config file OK" and returns 0, or every error and returns 1. */
    static int check(Path file) {
        try {
            Config c = file == null ? ConfigLoader.loadDefault() : ConfigLoader.load(file);
            System.out.println("Config file OK: " + (file == null ? ConfigLoader.DEFAULT_SOURCE : file) + " ("
                    + c.peerProfiles().size() + " peer, " + c.tunnelProfiles().size() + " tunnel, "
                    + c.sessionProfiles().size() + " session profiles)");
            printDataPaths(c);
            return 0;
        } catch (ConfigException e) {
            e.errors().forEach(err -> System.err.println(err));
            System.err.println(e.errors().size() + " error(s); config rejected");
            return 1;
        }
    }
}
