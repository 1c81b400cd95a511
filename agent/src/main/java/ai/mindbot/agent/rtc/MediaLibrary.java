package ai.mindbot.agent.rtc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * webrtc-java's native library, loaded once and up front. libwebrtc links PulseAudio's client
 * library and a few X11 ones even when it never opens a sound card, so on a bare server the first
 * use fails inside a static initialiser; this turns that into one line saying what to install.
 */
public final class MediaLibrary {

    /**
     * The Debian/Ubuntu packages of every library {@code libwebrtc-java-linux-x86_64.so} 0.14.0 needs
     * beyond glibc ({@code readelf -d}); installing all of them at once saves a round per missing one.
     */
    public static final String PACKAGES =
            "libpulse0 libudev1 libx11-6 libxfixes3 libxrandr2 libxcomposite1 libdbus-1-3";

    private static final Pattern MISSING = Pattern.compile("([^\\s/:]+\\.so[.0-9]*): cannot open shared object file");
    /** Any class whose static initialiser loads the library. */
    private static final String LOADING_CLASS = "dev.onvoid.webrtc.PeerConnectionFactory";

    /** The outcome of the one attempt: a JVM cannot retry a class whose initialiser failed. */
    private static volatile String problem;

    private MediaLibrary() {}

    /** The library cannot load here; the message is the one line to print. */
    public static final class Missing extends IllegalStateException {
        Missing(String message) {
            super(message);
        }
    }

    /**
     * Loads the library (once per JVM).
     *
     * @throws Missing when it cannot load, naming what to install
     */
    public static void require() {
        if (problem == null) {
            synchronized (MediaLibrary.class) {
                if (problem == null) {
                    problem = load();
                }
            }
        }
        if (!problem.isEmpty()) {
            throw new Missing(problem);
        }
    }

    private static String load() {
        try {
            Class.forName(LOADING_CLASS, true, MediaLibrary.class.getClassLoader());
            return "";
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return explain(e);
        }
    }

    /** One line for a failure to load the library: the system library the loader did not find, and the install command. */
    static String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsatisfiedLinkError link && link.getMessage() != null) {
                Matcher missing = MISSING.matcher(link.getMessage());
                if (missing.find()) {
                    return "the media library (webrtc-java) needs " + missing.group(1) + ", which this machine lacks: "
                            + "apt-get install " + PACKAGES + " (scripts/install-voice does)";
                }
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return ("the media library (webrtc-java) cannot load: " + root + " (on Debian or Ubuntu: apt-get install "
                        + PACKAGES + ")")
                .replaceAll("\\s+", " ");
    }
}
