package ai.mindbot.agent.mindbot.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Lines typed on the console, read on a thread of their own so that the call can end (time ran out)
 * while nobody is typing.
 */
final class Keyboard {

    /** Not a line anyone can type: ends {@link #next}. */
    private static final String END = "\u0000end";

    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private Keyboard() {}

    static Keyboard reading(InputStream in) {
        Keyboard keyboard = new Keyboard();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            keyboard.lines.add(line);
                        }
                    } catch (IOException ignored) {
                        // stdin closed: leave as on Ctrl-D
                    }
                    keyboard.end();
                },
                "mindbot-console-input");
        reader.setDaemon(true);
        reader.start();
        return keyboard;
    }

    /** The next line with something on it, stripped; null after {@code /quit}, Ctrl-D or {@link #end}. */
    String next() throws InterruptedException {
        while (true) {
            String line = lines.take();
            if (line.equals(END) || line.strip().equals("/quit")) {
                lines.add(END); // every later call ends too
                return null;
            }
            if (!line.isBlank()) {
                return line.strip();
            }
        }
    }

    /** Ends the conversation as if the user had left. Any thread. */
    void end() {
        lines.add(END);
    }
}
