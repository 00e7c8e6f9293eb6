package io.lns.server.aaa;

import io.lns.config.ConfigError;
import io.lns.config.ConfigException;
import io.lns.config.Secret;
import io.lns.ppp.auth.FramedRoute;
import io.lns.server.pool.Ipv4;
import java.io.IOException;
import java.io.StringReader;
import java.net.Inet4Address;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A local users file:
 *
 * <pre>
 * users:
 *   alice: {password: secret1, address: 100.64.1.5}
 *   bob:   {password: secret2, pool: gold, ppp-profile: default}
 *   carol: {password: secret3, routes: [198.51.100.0/24]}
 * </pre>
 *
 * Read like the config: composed into a node tree with positions, every problem collected, and a
 * {@link ConfigException} listing them all as {@code file:line:column: path: reason}. No message
 * ever quotes a password.
 */
public final class LocalUsers {

    private static final Set<String> USER_KEYS = Set.of("password", "address", "pool", "ppp-profile", "routes");
    private static final List<String> USER_KEY_ORDER = List.of("password", "address", "pool", "ppp-profile", "routes");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_CODE_POINTS = 16 << 20;

    private final Map<String, LocalUser> users;

    private LocalUsers(Map<String, LocalUser> users) {
        this.users = users;
    }

    /** No users at all. */
    public static LocalUsers empty() {
        return new LocalUsers(Map.of());
    }

    /** The users file at {@code file}; an unreadable file is a {@link ConfigException} too. */
    public static LocalUsers load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(List.of(new ConfigError(file.toString(), 0, 0, "", "not UTF-8 text")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError(
                    file.toString(),
                    0,
                    0,
                    "",
                    "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
        }
        return parse(file.toString(), text);
    }

    /** Parses {@code yaml}; {@code sourceName} is what errors call the file. */
    public static LocalUsers parse(String sourceName, String yaml) throws ConfigException {
        return new Reader(sourceName).read(yaml);
    }

    /** The user named exactly {@code name}. */
    public Optional<LocalUser> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public int size() {
        return users.size();
    }

    /** User names, in file order. */
    public Set<String> names() {
        return users.keySet();
    }

    @Override
    public String toString() {
        return "LocalUsers[" + users.size() + " users]";
    }

    /** One pass over one file, collecting errors. */
    private static final class Reader {
        private final String source;
        private final List<ConfigError> errors = new ArrayList<>();
        private final Set<String> passwords = new HashSet<>();

        Reader(String source) {
            this.source = source;
        }

        LocalUsers read(String yaml) throws ConfigException {
            Node root;
            try {
                root = yaml().compose(new StringReader(yaml));
            } catch (MarkedYAMLException e) {
                // Problem only: SnakeYAML's snippet would quote the line, which may hold a password.
                error(e.getProblemMark(), "", "YAML syntax: " + e.getProblem());
                throw new ConfigException(errors);
            } catch (YAMLException e) {
                throw new ConfigException(
                        List.of(new ConfigError(source, 0, 0, "", "not readable as YAML: " + e.getMessage())));
            }
            collectPasswords(root);
            Map<String, LocalUser> users = new LinkedHashMap<>();
            if (root == null || isNull(root)) {
                errors.add(new ConfigError(source, 0, 0, "", "empty file; expected a `users:` mapping"));
            } else if (!(root instanceof MappingNode top)) {
                error(root, "", "expected a mapping with a `users` key, found " + describe(root));
            } else {
                Node usersNode = null;
                Map<String, Mark> seenTop = new LinkedHashMap<>();
                for (NodeTuple t : top.getValue()) {
                    String key = keyName(t.getKeyNode(), "");
                    if (key == null) continue;
                    if (seenTop.containsKey(key)) {
                        duplicate(t.getKeyNode(), key, key, seenTop.get(key));
                        continue;
                    }
                    seenTop.put(key, t.getKeyNode().getStartMark());
                    if (key.equals("users")) usersNode = t.getValueNode();
                    else error(t.getKeyNode(), key, "unknown key `" + key + "`; known keys: users");
                }
                if (seenTop.containsKey("users")) readUsers(usersNode, users);
                else error(root, "", "missing key `users`");
            }
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column));
                throw new ConfigException(errors);
            }
            return new LocalUsers(Collections.unmodifiableMap(users));
        }

        private void readUsers(Node node, Map<String, LocalUser> users) {
            if (isNull(node)) return; // `users:` with nothing under it: no users
            if (!(node instanceof MappingNode mapping)) {
                error(node, "users", "expected a mapping of user names, found " + describe(node));
                return;
            }
            Map<String, Mark> seen = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                String name = keyName(t.getKeyNode(), "users");
                if (name == null) continue;
                String path = "users." + name;
                if (seen.containsKey(name)) {
                    duplicate(t.getKeyNode(), path, "user `" + name + "`", seen.get(name));
                    continue;
                }
                seen.put(name, t.getKeyNode().getStartMark());
                LocalUser user = readUser(name, t.getKeyNode(), t.getValueNode(), path);
                if (user != null) users.put(name, user);
            }
        }

        private LocalUser readUser(String name, Node keyNode, Node node, String path) {
            if (!(node instanceof MappingNode mapping)) {
                error(node, path, "expected a mapping such as {password: ...}, found " + describe(node));
                return null;
            }
            int before = errors.size();
            Map<String, NodeTuple> entries = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                String key = keyName(t.getKeyNode(), path);
                if (key == null) continue;
                String keyPath = path + "." + key;
                NodeTuple first = entries.get(key);
                if (first != null) {
                    duplicate(
                            t.getKeyNode(),
                            keyPath,
                            "key `" + key + "`",
                            first.getKeyNode().getStartMark());
                } else if (!USER_KEYS.contains(key)) {
                    error(
                            t.getKeyNode(),
                            keyPath,
                            "unknown key `" + key + "`; known keys: " + String.join(", ", USER_KEY_ORDER));
                } else {
                    entries.put(key, t);
                }
            }
            Secret password = null;
            NodeTuple pw = entries.get("password");
            if (pw == null) {
                error(keyNode, path, "missing key `password`");
            } else if (!(pw.getValueNode() instanceof ScalarNode s) || isNull(s)) {
                error(pw.getValueNode(), path + ".password", "expected a string, found " + describe(pw.getValueNode()));
            } else if (s.getValue().isEmpty()) {
                error(s, path + ".password", "the password is empty");
            } else {
                password = Secret.of(s.getValue());
            }
            Inet4Address address = null;
            NodeTuple addr = entries.get("address");
            if (addr != null) {
                String text = text(addr.getValueNode(), path + ".address", "an IPv4 address");
                if (text != null) {
                    try {
                        address = Ipv4.parseAddress(text);
                    } catch (IllegalArgumentException e) {
                        error(addr.getValueNode(), path + ".address", quote(text) + ": " + e.getMessage());
                    }
                }
            }
            List<FramedRoute> routes = routes(entries.get("routes"), path + ".routes");
            String pool = profileName(entries.get("pool"), path + ".pool", "a pool name");
            String pppProfile = profileName(entries.get("ppp-profile"), path + ".ppp-profile", "a ppp-profile name");
            if (errors.size() != before || password == null) return null;
            return new LocalUser(
                    name,
                    password,
                    Optional.ofNullable(address),
                    Optional.ofNullable(pool),
                    Optional.ofNullable(pppProfile),
                    routes);
        }

        /** {@code routes: [prefix, ...]}: IPv4 prefixes routed to the user (kernel data path). */
        private List<FramedRoute> routes(NodeTuple t, String path) {
            if (t == null) return List.of();
            if (!(t.getValueNode() instanceof SequenceNode seq)) {
                error(t.getValueNode(), path, "expected a list of IPv4 prefixes, found " + describe(t.getValueNode()));
                return List.of();
            }
            List<FramedRoute> routes = new java.util.ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                Node n = seq.getValue().get(i);
                String text = text(n, path + "[" + i + "]", "an IPv4 prefix");
                if (text == null) continue;
                try {
                    routes.add(FramedRoute.parse(text));
                } catch (IllegalArgumentException e) {
                    error(n, path + "[" + i + "]", quote(text) + ": " + e.getMessage());
                }
            }
            return routes;
        }

        private String profileName(NodeTuple t, String path, String expected) {
            if (t == null) return null;
            String text = text(t.getValueNode(), path, expected);
            if (text == null) return null;
            if (!NAME.matcher(text).matches()) {
                error(
                        t.getValueNode(),
                        path,
                        quote(text) + " is not " + expected + " (letters, digits, `.`, `_`, `-`)");
                return null;
            }
            return text;
        }

        private String keyName(Node k, String path) {
            if (k instanceof ScalarNode s
                    && !isNull(k)
                    && !k.getTag().equals(Tag.MERGE)
                    && !s.getValue().isEmpty()) {
                return s.getValue();
            }
            error(k, path, "a key must be a plain name, found " + describe(k));
            return null;
        }

        private String text(Node n, String path, String expected) {
            if (n instanceof ScalarNode s && !isNull(n)) return s.getValue();
            error(n, path, "expected " + expected + ", found " + describe(n));
            return null;
        }

        private void duplicate(Node at, String path, String what, Mark first) {
            error(at, path, "duplicate " + what + " (first at line " + (first.getLine() + 1) + ")");
        }

        private void error(Node n, String path, String message) {
            error(n.getStartMark(), path, message);
        }

        private void error(Mark m, String path, String message) {
            int line = m == null ? 0 : m.getLine() + 1;
            int column = m == null ? 0 : m.getColumn() + 1;
            errors.add(new ConfigError(source, line, column, path, message));
        }

        /** {@code `value`} for messages; a value that is some user's password is never shown. */
        private String quote(String value) {
            if (passwords.contains(value)) return "`<redacted>`";
            return "`" + (value.length() > 40 ? value.substring(0, 37) + "..." : value) + "`";
        }

        private void collectPasswords(Node n) {
            if (n instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k
                            && k.getValue().equals("password")
                            && t.getValueNode() instanceof ScalarNode v) {
                        passwords.add(v.getValue());
                    }
                    collectPasswords(t.getValueNode());
                }
            } else if (n instanceof SequenceNode q) {
                for (Node item : q.getValue()) collectPasswords(item);
            }
        }
    }

    private static boolean isNull(Node n) {
        return n == null || (n instanceof ScalarNode && n.getTag().equals(Tag.NULL));
    }

    private static String describe(Node n) {
        if (n == null) return "no value";
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        Tag t = n.getTag();
        if (t.equals(Tag.NULL)) return "no value";
        if (t.equals(Tag.INT)) return "an integer";
        if (t.equals(Tag.FLOAT)) return "a number";
        if (t.equals(Tag.BOOL)) return "a boolean";
        return "a string";
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_CODE_POINTS);
        return new Yaml(new SafeConstructor(options));
    }
}
