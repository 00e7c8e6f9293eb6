package io.lns.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** What one binding run collects: errors, and profile references to check once every profile is known. */
final class BindContext {

    /** A profile or pool name written at {@code node}, to be found in {@code section}. */
    record Reference(String section, String name, Node node, String path) {}

    private final String file;
    private final String machineHostName;
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final Set<String> secrets = new HashSet<>();

    BindContext(String file, String machineHostName) {
        this.file = file;
        this.machineHostName = machineHostName;
    }

    /**
     * Remembers every value written under a {@code secret} key anywhere in the document, so that
     * {@link #quote} never echoes one, even when it was pasted into the wrong field.
     */
    void collectSecrets(Node root) {
        collectSecrets(root, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void collectSecrets(Node n, Set<Node> seen) {
        if (n == null || !seen.add(n)) return;
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k
                        && k.getValue().equals("secret")
                        && t.getValueNode() instanceof ScalarNode v) {
                    secrets.add(v.getValue());
                }
                collectSecrets(t.getKeyNode(), seen);
                collectSecrets(t.getValueNode(), seen);
            }
        } else if (n instanceof SequenceNode q) {
            for (Node item : q.getValue()) collectSecrets(item, seen);
        }
    }

    /** {@code `value`} for messages, shortened if long; a secret's value is never shown. */
    String quote(String value) {
        if (secrets.contains(value)) return "`<redacted>`";
        return "`" + (value.length() > 40 ? value.substring(0, 37) + "..." : value) + "`";
    }

    String machineHostName() {
        return machineHostName;
    }

    void error(Mark mark, String path, String message) {
        int line = mark == null ? 0 : mark.getLine() + 1;
        int column = mark == null ? 0 : mark.getColumn() + 1;
        errors.add(new ConfigError(file, line, column, path, message));
    }

    void error(Node node, String path, String message) {
        error(node == null ? null : node.getStartMark(), path, message);
    }

    void reference(String section, String name, Node node, String path) {
        references.add(new Reference(section, name, node, path));
    }

    /** Reports each reference to a profile its section does not define. */
    void checkReferences(Map<String, Set<String>> namesBySection) {
        for (Reference r : references) {
            Set<String> names = namesBySection.get(r.section());
            if (!names.contains(r.name())) {
                String what = r.section().equals("address-pools")
                        ? "address pool"
                        : r.section().replace("-profiles", "") + " profile";
                String defined = names.isEmpty() ? "none defined" : "defined: " + String.join(", ", names);
                error(r.node(), r.path(), "no " + what + " named `" + r.name() + "` (" + defined + ")");
            }
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<ConfigError> errors() {
        return errors.stream()
                .sorted(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column))
                .toList();
    }
}
