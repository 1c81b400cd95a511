package ai.mindbot.agent.mindbot;

import ai.mindbot.agent.api.JobExecutor;
import ai.mindbot.agent.api.JobInfo;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Playback;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.api.TextStreamWriter;
import ai.mindbot.agent.media.AudioWriter;
import ai.mindbot.agent.voice.testing.FakeRoom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The engine's {@link FakeRoom}, plus a record of the participants the agent removed and when. */
final class RecordingRoom implements Room {

    private final FakeRoom room;
    final List<String> removed = new CopyOnWriteArrayList<>();
    final List<Long> removedAtNanos = new CopyOnWriteArrayList<>();

    RecordingRoom(FakeRoom room) {
        this.room = room;
    }

    @Override
    public void removeParticipant(String identity) {
        removed.add(identity);
        removedAtNanos.add(room.executor().nanoTime());
        room.removeParticipant(identity);
    }

    @Override
    public JobInfo job() {
        return room.job();
    }

    @Override
    public String name() {
        return room.name();
    }

    @Override
    public String identity() {
        return room.identity();
    }

    @Override
    public Collection<Participant> participants() {
        return room.participants();
    }

    @Override
    public Optional<Participant> participant(String identity) {
        return room.participant(identity);
    }

    @Override
    public AudioWriter audio(String name) {
        return room.audio(name);
    }

    @Override
    public Playback playback(String name) {
        return room.playback(name);
    }

    @Override
    public JobExecutor executor() {
        return room.executor();
    }

    @Override
    public void setAttributes(Map<String, String> attributes) {
        room.setAttributes(attributes);
    }

    @Override
    public void setMetadata(String metadata) {
        room.setMetadata(metadata);
    }

    @Override
    public TextStreamWriter openTextStream(
            String topic, Map<String, String> attributes, List<String> destinationIdentities) {
        return room.openTextStream(topic, attributes, destinationIdentities);
    }

    @Override
    public void sendText(
            String topic, String text, Map<String, String> attributes, List<String> destinationIdentities) {
        room.sendText(topic, text, attributes, destinationIdentities);
    }

    @Override
    public void sendTextFor(
            String sender, String topic, String text, Map<String, String> attributes, List<String> destinations) {
        room.sendTextFor(sender, topic, text, attributes, destinations);
    }

    @Override
    public void sendData(String topic, byte[] payload, boolean reliable, List<String> destinationIdentities) {
        room.sendData(topic, payload, reliable, destinationIdentities);
    }

    @Override
    public void leave() {
        room.leave();
    }
}
