package io.lns.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

/** Test helpers: parse YAML text with a fixed machine host name. */
final class Yamls {

    static final String FILE = "t.yaml";
    static final String HOST = "lns-test";

    private Yamls() {}

    static Config parse(String yaml) {
        try {
            return ConfigLoader.parse(FILE, yaml, HOST);
        } catch (ConfigException e) {
            throw new AssertionError("unexpected config errors:\n" + e.getMessage(), e);
        }
    }

    static List<ConfigError> errors(String yaml) {
        ConfigException[] caught = new ConfigException[1];
        assertThatThrownBy(() -> {
                    try {
                        ConfigLoader.parse(FILE, yaml, HOST);
                    } catch (ConfigException e) {
                        caught[0] = e;
                        throw e;
                    }
                })
                .isInstanceOf(ConfigException.class);
        return caught[0].errors();
    }

    /** "line:column path: message" of each error, for compact assertions. */
    static List<String> brief(String yaml) {
        return errors(yaml).stream()
                .map(e -> e.line() + ":" + e.column() + " " + e.path() + ": " + e.message())
                .toList();
    }
}
