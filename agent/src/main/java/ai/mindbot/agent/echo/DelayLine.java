package ai.mindbot.agent.echo;

/**
 * A fixed delay measured in samples: what goes in comes out {@code delaySamples} later, silence
 * before that. Driven by the incoming audio itself, so the delay cannot drift from the input clock.
 */
final class DelayLine {

    private final short[] ring;
    private int position;

    DelayLine(int delaySamples) {
        if (delaySamples < 1) {
            throw new IllegalArgumentException("delay must be at least one sample");
        }
        this.ring = new short[delaySamples];
    }

    /** Pushes {@code in} and returns the same number of samples from {@code delaySamples} ago. */
    short[] push(short[] in) {
        short[] out = new short[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = ring[position];
            ring[position] = in[i];
            position = (position + 1) % ring.length;
        }
        return out;
    }
}
