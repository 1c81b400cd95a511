package ai.mindbot.agent.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.Participant;
import java.util.Set;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackInfo;
import org.junit.jupiter.api.Test;

class ParticipantDirectoryTest {

    private final ParticipantDirectory directory = new ParticipantDirectory("PA_self");

    @Test
    void reportsJoinUpdateAndLeaveWithIdentityNameMetadataAndAttributes() {
        ParticipantInfo caller = info("PA_1", "caller", ParticipantInfo.State.ACTIVE).toBuilder()
                .setName("Caller")
                .setMetadata("{\"plan\":\"basic\"}")
                .putAttributes("lang", "de")
                .build();

        assertThat(directory.apply(caller)).isEqualTo(ParticipantDirectory.Change.JOINED);
        assertThat(directory.apply(caller.toBuilder().setMetadata("{}").build()))
                .isEqualTo(ParticipantDirectory.Change.UPDATED);
        Participant known = directory.byIdentity("caller").orElseThrow();
        assertThat(known.name()).isEqualTo("Caller");
        assertThat(known.metadata()).isEqualTo("{}");
        assertThat(known.attributes()).containsEntry("lang", "de");
        assertThat(directory.apply(caller.toBuilder()
                        .setState(ParticipantInfo.State.DISCONNECTED)
                        .build()))
                .isEqualTo(ParticipantDirectory.Change.LEFT);
        assertThat(directory.all()).isEmpty();
    }

    @Test
    void aTrackChangeAloneIsNoUpdateForTheAgent() {
        ParticipantInfo caller = info("PA_1", "caller", ParticipantInfo.State.ACTIVE);
        directory.apply(caller);

        ParticipantDirectory.Change change = directory.apply(caller.toBuilder()
                .addTracks(livekit.LivekitModels.TrackInfo.newBuilder().setSid("TR_1"))
                .build());

        assertThat(change).isEqualTo(ParticipantDirectory.Change.NONE);
        assertThat(directory.ownerOfTrack("TR_1")).map(Participant::identity).contains("caller");
    }

    @Test
    void knowsEachParticipantsAudioTrackForTranscripts() {
        directory.apply(info("PA_1", "caller", ParticipantInfo.State.ACTIVE).toBuilder()
                .addTracks(livekit.LivekitModels.TrackInfo.newBuilder()
                        .setSid("TR_video")
                        .setType(livekit.LivekitModels.TrackType.VIDEO))
                .addTracks(livekit.LivekitModels.TrackInfo.newBuilder()
                        .setSid("TR_mic")
                        .setType(livekit.LivekitModels.TrackType.AUDIO))
                .build());

        assertThat(directory.audioTrackOf("caller")).contains("TR_mic");
        assertThat(directory.audioTrackOf("nobody")).isEmpty();
        directory.apply(info("PA_1", "caller", ParticipantInfo.State.DISCONNECTED));
        assertThat(directory.audioTrackOf("caller")).isEmpty();
    }

    @Test
    void forgetsWhoIsMissingFromTheFullListSentAfterAResume() {
        directory.apply(info("PA_1", "stays", ParticipantInfo.State.ACTIVE));
        directory.apply(info("PA_2", "left-meanwhile", ParticipantInfo.State.ACTIVE));

        assertThat(directory.retainOnly(Set.of("PA_1", "PA_self")))
                .extracting(Participant::identity)
                .containsExactly("left-meanwhile");
        assertThat(directory.all()).extracting(Participant::identity).containsExactly("stays");
    }

    @Test
    void ignoresItself() {
        assertThat(directory.apply(info("PA_self", "agent-1", ParticipantInfo.State.ACTIVE)))
                .isEqualTo(ParticipantDirectory.Change.NONE);
    }

    @Test
    void knowsWhoOwnsEachTrack() {
        directory.apply(info("PA_1", "caller", ParticipantInfo.State.ACTIVE).toBuilder()
                .addTracks(TrackInfo.newBuilder().setSid("TR_mic"))
                .build());

        assertThat(directory.ownerOfTrack("TR_mic")).map(Participant::identity).hasValue("caller");
        assertThat(directory.ownerOfTrack("TR_other")).isEmpty();
    }

    @Test
    void countsOnlyPeopleNotOtherAgents() {
        directory.apply(info("PA_1", "caller", ParticipantInfo.State.ACTIVE));
        directory.apply(info("PA_2", "other-agent", ParticipantInfo.State.ACTIVE).toBuilder()
                .setKind(ParticipantInfo.Kind.AGENT)
                .build());

        assertThat(directory.humans()).isEqualTo(1);
        assertThat(directory.byIdentity("other-agent").orElseThrow().isAgent()).isTrue();
    }

    private static ParticipantInfo info(String sid, String identity, ParticipantInfo.State state) {
        return ParticipantInfo.newBuilder()
                .setSid(sid)
                .setIdentity(identity)
                .setState(state)
                .build();
    }
}
