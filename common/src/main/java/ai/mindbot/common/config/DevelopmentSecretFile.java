package ai.mindbot.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.function.Function;

/**
 * A secret that development mode generates once and keeps in the data directory (JWT key, agent
 * key, Stripe webhook secret), so every service and every restart on the machine agrees on it.
 * Written owner-only to a temporary file and moved into place, so two services starting together
 * end up reading the same value.
 */
public final class DevelopmentSecretFile {

    /** The secret, and whether this call created the file (callers say so in the log). */
    public record Secret(String value, boolean generated) {
        @Override
        public String toString() {
            return "Secret[***]";
        }
    }

    private DevelopmentSecretFile() {}

    /** Reads the file, creating it first from 32 random bytes formatted by {@code format} when it is missing. */
    public static synchronized Secret readOrCreate(Path file, Function<byte[], String> format) {
        Path absolute = file.toAbsolutePath();
        try {
            boolean generated = false;
            if (!Files.exists(absolute)) {
                Path dir = absolute.getParent();
                Files.createDirectories(dir);
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(dir, absolute.getFileName().toString(), ".tmp");
                restrictToOwner(tmp);
                Files.writeString(tmp, format.apply(random));
                try {
                    Files.move(tmp, absolute);
                    generated = true;
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp); // another service generated it first: use theirs
                }
            }
            return new Secret(Files.readString(absolute).strip(), generated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development secret at " + file, e);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file keeps the directory's permissions
        }
    }
}
