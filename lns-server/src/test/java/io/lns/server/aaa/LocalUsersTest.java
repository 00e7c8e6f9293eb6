package io.lns.server.aaa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lns.config.ConfigError;
import io.lns.config.ConfigException;
import io.lns.config.Secret;
import io.lns.server.pool.Ipv4;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUsersTest {

    private static List<String> errors(String yaml) {
        try {
            LocalUsers.parse("users.yaml", yaml);
        } catch (ConfigException e) {
            return e.errors().stream().map(ConfigError::toString).toList();
        }
        throw new AssertionError("expected errors");
    }

    @Test
    void loadsTheDocumentedExample(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, """
                users:
                  alice: {password: secret1, address: 100.64.1.5}
                  bob:   {password: secret2, pool: gold, ppp-profile: default}
                  carol:
                    password: 1234
                """);
        LocalUsers users = LocalUsers.load(file);
        assertThat(users.size()).isEqualTo(3);
        assertThat(users.names()).containsExactly("alice", "bob", "carol");
        LocalUser alice = users.find("alice").orElseThrow();
        assertThat(alice.password()).isEqualTo(Secret.of("secret1"));
        assertThat(alice.address()).contains(Ipv4.parseAddress("100.64.1.5"));
        assertThat(alice.pool()).isEmpty();
        LocalUser bob = users.find("bob").orElseThrow();
        assertThat(bob.pool()).contains("gold");
        assertThat(bob.pppProfile()).contains("default");
        assertThat(users.find("carol").orElseThrow().password()).isEqualTo(Secret.of("1234"));
        assertThat(users.find("dave")).isEmpty();
    }

    @Test
    void routesAreIpv4PrefixesWithTheirNetworkAddress() throws Exception {
        LocalUsers users =
                LocalUsers.parse("u.yaml", "users:\n  carol: {password: p, routes: [198.51.100.0/24, 203.0.113.7]}\n");
        assertThat(users.find("carol").orElseThrow().routes())
                .extracting(Object::toString)
                .containsExactly("198.51.100.0/24", "203.0.113.7/32");
        assertThat(errors(
                        "users:\n  dave: {password: p, routes: [198.51.100.1/24, 10.0.0.0/33, x]}\n  erin: {password: p,"
                                + " routes: 10.0.0.0/8}\n"))
                .containsExactly(
                        "users.yaml:2:32: users.dave.routes[0]: `198.51.100.1/24`: 198.51.100.1/24 has host bits set;"
                                + " the network is 198.51.100.0/24",
                        "users.yaml:2:49: users.dave.routes[1]: `10.0.0.0/33`: prefix length 33 is not 0..32",
                        "users.yaml:2:62: users.dave.routes[2]: `x`: expected an IPv4 prefix like 198.51.100.0/24",
                        "users.yaml:3:31: users.erin.routes: expected a list of IPv4 prefixes, found a string");
    }

    @Test
    void secretsNeverInToString() throws Exception {
        LocalUsers users = LocalUsers.parse("u.yaml", "users:\n  alice: {password: s3cr3t-pw, address: 10.0.0.1}\n");
        LocalUser alice = users.find("alice").orElseThrow();
        assertThat(alice.toString()).contains("alice").contains("<redacted>").doesNotContain("s3cr3t-pw");
        assertThat(users.toString()).doesNotContain("s3cr3t-pw");
    }

    @Test
    void reportsEveryProblemWithItsPosition() {
        List<String> errs = errors("""
                users:
                  alice: {password: secret1, adress: 100.64.1.5}
                  bob:   {password: secret2, address: 100.64.1.300}
                  carol: {pool: gold}
                  alice: {password: again}
                  dave:  {password: p, ppp-profile: [a, b]}
                  erin:  {password: p, address: 100.64.1.5.1}
                extra: 1
                """);
        assertThat(errs)
                .containsExactly(
                        "users.yaml:2:30: users.alice.adress: unknown key `adress`; known keys: password, address,"
                                + " pool, ppp-profile, routes",
                        "users.yaml:3:39: users.bob.address: `100.64.1.300`: octet 300 is above 255",
                        "users.yaml:4:3: users.carol: missing key `password`",
                        "users.yaml:5:3: users.alice: duplicate user `alice` (first at line 2)",
                        "users.yaml:6:37: users.dave.ppp-profile: expected a ppp-profile name, found a list",
                        "users.yaml:7:33: users.erin.address: `100.64.1.5.1`: not an IPv4 address (a.b.c.d)",
                        "users.yaml:8:1: extra: unknown key `extra`; known keys: users");
    }

    @Test
    void structuralProblems() {
        assertThat(errors("")).containsExactly("users.yaml: empty file; expected a `users:` mapping");
        assertThat(errors("- a\n"))
                .containsExactly("users.yaml:1:1: expected a mapping with a `users` key, found a list");
        assertThat(errors("users: [alice]\n"))
                .containsExactly("users.yaml:1:8: users: expected a mapping of user names, found a list");
        assertThat(errors("users:\n  alice: secret\n"))
                .containsExactly(
                        "users.yaml:2:10: users.alice: expected a mapping such as {password: ...}, found a string");
        assertThat(errors("users:\n  alice: {password: ''}\n"))
                .containsExactly("users.yaml:2:21: users.alice.password: the password is empty");
        assertThat(errors("users:\n  alice: {password: a, pool: 'no good'}\n")).hasSize(1);
        assertThat(errors("other: 1\n")).contains("users.yaml:1:1: missing key `users`");
    }

    @Test
    void emptyUsersIsAllowed() throws Exception {
        assertThat(LocalUsers.parse("u.yaml", "users:\n").size()).isZero();
        assertThat(LocalUsers.parse("u.yaml", "users: {}\n").size()).isZero();
    }

    @Test
    void errorsNeverQuoteAPassword() {
        List<String> errs = errors("users:\n  alice: {password: hunter2, address: hunter2}\n  bob: {password: 'x\n");
        assertThat(String.join("\n", errs)).doesNotContain("hunter2");
        List<String> misplaced = errors("users:\n  alice: {password: hunter2, address: hunter2}\n");
        assertThat(misplaced).singleElement().asString().contains("<redacted>").doesNotContain("hunter2");
        List<String> syntax = errors("users:\n  alice: {password: hunter2\n");
        assertThat(syntax).singleElement().asString().contains("YAML syntax").doesNotContain("hunter2");
    }

    @Test
    void unreadableFile(@TempDir Path dir) {
        assertThatThrownBy(() -> LocalUsers.load(dir.resolve("missing.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot read");
    }
}
