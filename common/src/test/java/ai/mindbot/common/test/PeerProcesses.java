package ai.mindbot.common.test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every test peer run as a process needs: its program (and a {@link FreePort}, and a {@link PeerProcess}). */
public final class PeerProcesses {

    private PeerProcesses() {}

    /** The executable {@code name} from {@code .peers/bin} of this checkout (or a folder above), else from the PATH. */
    public static Path installed(String name, String installer) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".peers/bin").resolve(name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return onPath(name, installer);
    }

    /** The executable {@code name} on the PATH, or a failure that says which installer puts it there. */
    public static Path onPath(String name, String installer) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " is not on the PATH: run " + installer
                + " (scripts/e2e runs every installer and puts .peers/bin on the PATH)");
    }
}
