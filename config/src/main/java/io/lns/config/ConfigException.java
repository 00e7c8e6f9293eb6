package io.lns.config;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/** A config that cannot be used, with every problem found in it, in file order. */
public final class ConfigException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    public ConfigException(List<ConfigError> errors) {
        super(render(errors));
        this.errors = List.copyOf(errors);
    }

    /** The problems, at least one, ordered by line and column. */
    public List<ConfigError> errors() {
        return errors;
    }

    private static String render(List<ConfigError> errors) {
        String head = errors.size() == 1 ? "1 error in config" : errors.size() + " errors in config";
        return errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n", head + ":\n", ""));
    }
}
