package ai.mindbot.launcher.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * {@code manifest.properties} in every backup: when it was taken, of which kind of database, which
 * files hold it, and what it holds ({@link Inventory}), so a restore can say what it brought back
 * and prove it brought back all of it.
 */
record BackupManifest(String database, Instant createdAt, List<String> files, Inventory inventory) {

    static final String FILE = "manifest.properties";
    private static final String FORMAT = "1";

    /** Writes the manifest into {@code backup}, which will be renamed {@code name} once complete. */
    void writeTo(Path backup, String name) {
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("database", database);
        manifest.setProperty("created_at", createdAt.toString());
        manifest.setProperty("files", String.join(",", files));
        inventory.writeTo(manifest);
        try (Writer out = Files.newBufferedWriter(backup.resolve(FILE), StandardCharsets.UTF_8)) {
            manifest.store(out, "MindBot backup: ./mindbot restore " + name);
        } catch (IOException e) {
            throw new BackupFailure("cannot write " + backup.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    static BackupManifest readFrom(Path backup) {
        Path file = backup.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupFailure(backup + " is not a MindBot backup (it has no " + FILE + ")");
        }
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            manifest.load(in);
        } catch (IOException e) {
            throw new BackupFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new BackupFailure(
                    file + " has format " + manifest.getProperty("format") + "; this MindBot reads format " + FORMAT);
        }
        List<String> files = Arrays.stream(manifest.getProperty("files", "").split(","))
                .filter(f -> !f.isBlank())
                .toList();
        for (String name : files) {
            if (!Files.isRegularFile(backup.resolve(name))) {
                throw new BackupFailure("the backup is incomplete: " + backup.resolve(name) + " is missing");
            }
        }
        return new BackupManifest(
                manifest.getProperty("database"),
                Instant.parse(manifest.getProperty("created_at")),
                files,
                Inventory.readFrom(manifest));
    }
}
