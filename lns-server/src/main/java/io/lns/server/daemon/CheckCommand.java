package io.lns.server.daemon;

import io.lns.config.Config;
import io.lns.config.ConfigException;
import io.lns.config.ConfigLoader;
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

    /** Prints "Config file OK" and returns 0, or every error and returns 1. */
    static int check(Path file) {
        try {
            Config c = file == null ? ConfigLoader.loadDefault() : ConfigLoader.load(file);
            System.out.println("Config file OK: " + (file == null ? ConfigLoader.DEFAULT_SOURCE : file) + " ("
                    + c.peerProfiles().size() + " peer, " + c.tunnelProfiles().size() + " tunnel, "
                    + c.sessionProfiles().size() + " session profiles)");
            return 0;
        } catch (ConfigException e) {
            e.errors().forEach(err -> System.err.println(err));
            System.err.println(e.errors().size() + " error(s); config rejected");
            return 1;
        }
    }
}
