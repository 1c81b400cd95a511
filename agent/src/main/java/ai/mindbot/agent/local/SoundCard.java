package ai.mindbot.agent.local;

import java.util.List;

/** Finds and opens a microphone and a speaker: Java Sound's on a real machine, files in tests. */
public interface SoundCard {

    /**
     * Opens both, or neither.
     *
     * @param microphone part of the capture device's name, or null for the default
     * @param speaker    part of the playback device's name, or null for the default
     * @throws Unavailable when either is missing, with one line saying why
     */
    Devices open(String microphone, String speaker);

    /** One line per device that can capture or play, for the user to pick one by name; empty when there is none. */
    List<String> describe();

    /** An open microphone and speaker; closing closes both. */
    record Devices(Microphone microphone, Speaker speaker) implements AutoCloseable {
        @Override
        public void close() {
            microphone.close();
            speaker.close();
        }
    }

    /** No usable microphone or speaker; the message is the one line to print. */
    final class Unavailable extends IllegalStateException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
