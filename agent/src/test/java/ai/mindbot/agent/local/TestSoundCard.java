package ai.mindbot.agent.local;

import java.util.List;

/** A {@link SoundCard} with the given devices, or none ({@link #none}). */
public final class TestSoundCard implements SoundCard {

    private final Devices devices;
    private final String missing;
    private int opened;

    private TestSoundCard(Devices devices, String missing) {
        this.devices = devices;
        this.missing = missing;
    }

    public static TestSoundCard with(Microphone microphone, Speaker speaker) {
        return new TestSoundCard(new Devices(microphone, speaker), null);
    }

    /** A machine without sound devices, as {@link JavaSound} reports it. */
    public static TestSoundCard none(String why) {
        return new TestSoundCard(null, why);
    }

    @Override
    public synchronized Devices open(String microphone, String speaker) {
        opened++;
        if (devices == null) {
            throw new Unavailable(missing);
        }
        return devices;
    }

    @Override
    public List<String> describe() {
        return devices == null
                ? List.of()
                : List.of(
                        "microphone: " + devices.microphone().name(),
                        "speaker:    " + devices.speaker().name());
    }

    /** How many times the console asked for devices. */
    public synchronized int opened() {
        return opened;
    }
}
