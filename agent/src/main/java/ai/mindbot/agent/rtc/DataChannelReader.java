package ai.mindbot.agent.rtc;

import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import java.util.function.Consumer;

/** Copies each message off libwebrtc's thread and hands the bytes on. */
final class DataChannelReader implements RTCDataChannelObserver {

    private final Consumer<byte[]> messages;

    DataChannelReader(Consumer<byte[]> messages) {
        this.messages = messages;
    }

    @Override
    public void onMessage(RTCDataChannelBuffer buffer) {
        byte[] bytes = new byte[buffer.data.remaining()];
        buffer.data.get(bytes);
        messages.accept(bytes);
    }

    @Override
    public void onBufferedAmountChange(long previousAmount) {}

    @Override
    public void onStateChange() {}
}
