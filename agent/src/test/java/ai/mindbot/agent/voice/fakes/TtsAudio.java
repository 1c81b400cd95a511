package ai.mindbot.agent.voice.fakes;

import ai.mindbot.agent.voice.TtsEvent;
import java.util.List;

/** Reads recorded {@link TtsEvent}s back as one signal. */
public final class TtsAudio {

    private TtsAudio() {}

    public static short[] joined(List<TtsEvent> events) {
        int total = events.stream()
                .filter(TtsEvent.Audio.class::isInstance)
                .mapToInt(e -> ((TtsEvent.Audio) e).samples().length)
                .sum();
        short[] all = new short[total];
        int at = 0;
        for (TtsEvent e : events) {
            if (e instanceof TtsEvent.Audio audio) {
                System.arraycopy(audio.samples(), 0, all, at, audio.samples().length);
                at += audio.samples().length;
            }
        }
        return all;
    }

    public static long pieces(List<TtsEvent> events) {
        return events.stream().filter(TtsEvent.Audio.class::isInstance).count();
    }
}
