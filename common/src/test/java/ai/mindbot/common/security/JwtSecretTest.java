package ai.mindbot.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.config.MisconfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class JwtSecretTest {

    @TempDir
    Path data;

    @Test
    void generatesOneDevelopmentSecretAndKeepsItPrivate() throws Exception {
        MockEnvironment env = new MockEnvironment().withProperty("MINDBOT_DATA_DIR", data.toString());
        byte[] first = JwtSecret.resolve(env);
        byte[] second = JwtSecret.resolve(env);

        assertThat(first).hasSizeGreaterThanOrEqualTo(JwtSecret.MIN_BYTES).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("jwt-secret"))))
                .isEqualTo("rw-------");
    }

    @Test
    void refusesAShortSecretInAnyMode() {
        assertThatThrownBy(() -> JwtSecret.resolve(new MockEnvironment().withProperty("JWT_SECRET", "too-short")))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void refusesToGenerateInProduction() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("MINDBOT_ENV", "production")
                .withProperty("MINDBOT_DATA_DIR", data.toString());
        assertThatThrownBy(() -> JwtSecret.resolve(production)).isInstanceOf(MisconfigurationException.class);
        assertThat(data.resolve("jwt-secret")).doesNotExist();
    }

    @Test
    void usesTheConfiguredSecretAsIs() {
        String secret = "a-configured-secret-of-enough-length-0123456789";
        assertThat(JwtSecret.resolve(new MockEnvironment().withProperty("JWT_SECRET", secret)))
                .isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
    }
}
