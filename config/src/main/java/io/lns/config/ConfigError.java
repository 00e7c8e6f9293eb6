package io.lns.config;

import java.util.Objects;

/**
 * One problem in a config file. Never contains a secret's value.
 *
 * @param file the source name (a path, or {@code lns.yaml (embedded)})
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when the problem concerns the whole file
 * @param path dotted key path ({@code tunnel-profiles.gold.hello-interval}), empty at the top
 * @param message what is wrong
 */
public record ConfigError(String file, int line, int column, String path, String message) {

    public ConfigError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: path: message}, the form editors and compilers use. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
