package io.lns.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads lns configs. The YAML is composed into a node tree (with positions) by SnakeYAML, never
 * constructed into objects, and bound to records by a binder that keeps going after a problem, so
 * that a {@link ConfigException} lists every problem in the file at once.
 */
public final class ConfigLoader {

    /** Class path location of the embedded default config ({@code config/lns.yaml} in the source tree). */
    public static final String DEFAULT_RESOURCE = "/io/lns/config/lns.yaml";

    /** Source name used in errors about the embedded default. */
    public static final String DEFAULT_SOURCE = "lns.yaml (embedded)";

    private static final int MAX_CODE_POINTS = 1 << 20;

    private ConfigLoader() {}

    /** Loads the config file at {@code file}; an unreadable file is a {@link ConfigException} too. */
    public static Config load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw single(file.toString(), "not UTF-8 text");
        } catch (IOException e) {
            throw single(file.toString(), "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** The embedded default config: listen on 0.0.0.0:1701, accept any peer, no tunnel secret. */
    public static Config loadDefault() {
        try {
            return parse(DEFAULT_SOURCE, defaultYaml());
        } catch (ConfigException e) {
            throw new IllegalStateException("the embedded default config is invalid:\n" + e.getMessage(), e);
        }
    }

    /** The text of the embedded default config. */
    public static String defaultYaml() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code yaml}; {@code sourceName} is what errors call the file. */
    public static Config parse(String sourceName, String yaml) throws ConfigException {
        return parse(sourceName, yaml, MachineHostName.get());
    }

    /** As {@link #parse(String, String)}, with {@code machineHostName} as the default of {@code system.host-name}. */
    static Config parse(String sourceName, String yaml, String machineHostName) throws ConfigException {
        BindContext ctx = new BindContext(sourceName, machineHostName);
        Node root;
        try {
            root = yaml().compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            // Problem and context only: the snippet SnakeYAML adds would quote the line (maybe a secret).
            String msg = e.getProblem();
            if (e.getContext() != null) {
                Mark at = e.getContextMark();
                msg += " (" + e.getContext()
                        + (at == null ? "" : " at line " + (at.getLine() + 1) + ":" + (at.getColumn() + 1)) + ")";
            }
            ctx.error(e.getProblemMark(), "", "YAML syntax: " + msg);
            throw new ConfigException(ctx.errors());
        } catch (YAMLException e) {
            throw single(sourceName, "not readable as YAML: " + e.getMessage());
        }
        ctx.collectSecrets(root);
        Config config = ConfigBinder.bind(root, ctx);
        if (config == null) throw new ConfigException(ctx.errors());
        return config;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_CODE_POINTS);
        return new Yaml(new SafeConstructor(options));
    }

    private static ConfigException single(String file, String message) {
        return new ConfigException(List.of(new ConfigError(file, 0, 0, "", message)));
    }
}
