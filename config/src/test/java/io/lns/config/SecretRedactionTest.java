package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {

    private static final String SECRET = "Tr0ub4dor&3";

    @Test
    void secretNeverShowsInToString() {
        Secret s = Secret.of(SECRET);
        assertThat(s).hasToString("<redacted>");
        assertThat(new String(s.bytes(), StandardCharsets.UTF_8)).isEqualTo(SECRET);
        assertThat(s.length()).isEqualTo(SECRET.length());
        assertThat(s).isEqualTo(Secret.of(SECRET)).isNotEqualTo(Secret.of("other"));

        Config c = Yamls.parse("tunnel-profiles:\n  gold:\n    secret: " + SECRET + "\n    auth-mode: challenge\n");
        assertThat(c.resolveTunnel("gold").toString()).doesNotContain(SECRET).contains("<redacted>");
        assertThat(c.toString()).doesNotContain(SECRET);
    }

    @Test
    void bytesAreACopy() {
        Secret s = Secret.of("abc");
        s.bytes()[0] = 'x';
        assertThat(s.bytes()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void errorsAboutOrNearASecretNeverQuoteIt() {
        String[] files = {
            // wrong type: a list holding the secret
            "tunnel-profiles:\n  gold:\n    secret: [" + SECRET + "]\n",
            // unterminated quote on the secret's line: SnakeYAML's own message would show the line
            "tunnel-profiles:\n  gold:\n    secret: \"" + SECRET + "\n    hide-avps: true\n",
            // a secret where a mapping belongs
            "tunnel-profiles:\n  gold: " + SECRET + "\n",
            // secret set, other problems in the same profile
            "tunnel-profiles:\n  gold:\n    secret: " + SECRET + "\n    secrets: " + SECRET + "x\n    auth-mode: "
                    + SECRET + "\n",
        };
        for (String yaml : files) {
            assertThatThrownBy(() -> ConfigLoader.parse("t.yaml", yaml, "h"))
                    .isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        }
    }

    @Test
    void diffShowsThatASecretChangedButNotTheValues() {
        Config a = Yamls.parse("tunnel-profiles:\n  default:\n    secret: " + SECRET + "\n");
        Config b = Yamls.parse("tunnel-profiles:\n  default:\n    secret: other-" + SECRET + "\n");
        ConfigDiff d = ConfigDiff.between(a, b);
        assertThat(d.paths()).containsExactly("tunnel-profiles.default.secret");
        assertThat(d.toString()).doesNotContain(SECRET).contains("<redacted> -> <redacted>");
    }
}
