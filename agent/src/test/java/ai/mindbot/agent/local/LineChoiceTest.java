package ai.mindbot.agent.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Mixer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LineChoiceTest {

    private static final AudioFormat MONO_48K = LineChoice.FORMATS.get(0);
    private static final AudioFormat STEREO_44K = new AudioFormat(44_100, 16, 2, true, false);

    /** Mixers named as Java Sound names ALSA's devices on Linux. */
    private static LineChoice.Candidate device(String name, AudioFormat... formats) {
        return new LineChoice.Candidate(
                new Mixer.Info(name, "ALSA (http://www.alsa-project.org)", "Direct Audio Device: " + name, "6.1") {},
                List.of(formats));
    }

    @Test
    void alsasDefaultDeviceComesFirstThenAPlugDeviceThenJavaSoundsOrder() {
        var hw = device("PCH [hw:0,0]", STEREO_44K);
        var plug = device("PCH [plughw:0,0]", MONO_48K);
        var fallback = device("default [default]", MONO_48K);

        assertThat(LineChoice.pick(List.of(hw, plug, fallback), null, "microphone")
                        .mixer()
                        .getName())
                .isEqualTo("default [default]");
        assertThat(LineChoice.pick(List.of(hw, plug), null, "microphone")
                        .mixer()
                        .getName())
                .isEqualTo("PCH [plughw:0,0]");
        assertThat(LineChoice.pick(List.of(hw, device("USB [hw:1,0]", MONO_48K)), null, "speaker")
                        .mixer()
                        .getName())
                .isEqualTo("PCH [hw:0,0]");
    }

    @Test
    void takesTheDevicesBestFormat() {
        LineChoice.Choice choice = LineChoice.pick(List.of(device("PCH [hw:0,0]", STEREO_44K)), null, "speaker");

        assertThat(choice.format()).isEqualTo(STEREO_44K);
    }

    @Test
    void aNameGivenPicksTheDeviceWhoseNameOrDescriptionContainsIt() {
        var laptop = device("default [default]", MONO_48K);
        var headset = device("Headset [plughw:2,0]", MONO_48K);

        assertThat(LineChoice.pick(List.of(laptop, headset), "headset", "microphone")
                        .mixer()
                        .getName())
                .isEqualTo("Headset [plughw:2,0]");
        assertThatThrownBy(() -> LineChoice.pick(List.of(laptop, headset), "webcam", "microphone"))
                .isInstanceOf(SoundCard.Unavailable.class)
                .hasMessage("no microphone is named like \"webcam\" (./mindbot agent console --devices lists them)");
    }

    @Test
    void aDeviceThatTakesNoneOfOurFormatsIsPassedOver() {
        var odd = device("default [default]");
        var usable = device("USB [hw:1,0]", STEREO_44K);

        assertThat(LineChoice.pick(List.of(odd, usable), null, "speaker")
                        .mixer()
                        .getName())
                .isEqualTo("USB [hw:1,0]");
        assertThatThrownBy(() -> LineChoice.pick(List.of(odd), null, "speaker"))
                .isInstanceOf(SoundCard.Unavailable.class)
                .hasMessageStartingWith("no speaker takes 16-bit PCM");
    }

    @Test
    void noDeviceAtAllIsSaidInOneLine() {
        assertThatThrownBy(() -> LineChoice.pick(List.of(), null, "microphone"))
                .isInstanceOf(SoundCard.Unavailable.class)
                .hasMessage("no microphone: Java Sound sees no capture device");
    }

    /** What Java Sound reports on a machine without sound devices (this one: no /dev/snd, no ALSA configuration). */
    @Test
    void onAMachineWithoutSoundDevicesJavaSoundOpensNothingAndSaysWhy() {
        Assumptions.assumeTrue(AudioSystem.getMixerInfo().length == 0, "this machine has sound devices");

        assertThat(new JavaSound().describe()).isEmpty();
        assertThatThrownBy(() -> new JavaSound().open(null, null))
                .isInstanceOf(SoundCard.Unavailable.class)
                .hasMessage("no microphone: Java Sound sees no capture device");
    }
}
