package ai.mindbot.agent.rtc;

import ai.mindbot.agent.api.Participant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackInfo;

/**
 * The remote participants of a room as the signalling updates describe them, and which participant
 * owns which track. {@link #apply} turns each {@code ParticipantInfo} into joined / updated / left;
 * "updated" means what an agent sees changed (name, metadata, attributes), not just its tracks.
 */
final class ParticipantDirectory {

    enum Change {
        JOINED,
        UPDATED,
        LEFT,
        NONE
    }

    private final String localSid;
    private final Map<String, Participant> bySid = new ConcurrentHashMap<>();
    private final Map<String, String> trackOwner = new ConcurrentHashMap<>();
    private final Map<String, String> audioTrack = new ConcurrentHashMap<>();

    ParticipantDirectory(String localSid) {
        this.localSid = localSid;
    }

    Change apply(ParticipantInfo info) {
        if (info.getSid().equals(localSid)) {
            return Change.NONE;
        }
        if (info.getState() == ParticipantInfo.State.DISCONNECTED) {
            Participant gone = bySid.remove(info.getSid());
            audioTrack.remove(info.getSid());
            trackOwner.values().removeIf(owner -> owner.equals(info.getSid()));
            return gone == null ? Change.NONE : Change.LEFT;
        }
        for (TrackInfo track : info.getTracksList()) {
            trackOwner.put(track.getSid(), info.getSid());
            if (track.getType() == livekit.LivekitModels.TrackType.AUDIO) {
                audioTrack.put(info.getSid(), track.getSid());
            }
        }
        Participant now = toParticipant(info);
        Participant previous = bySid.put(info.getSid(), now);
        if (previous == null) {
            return Change.JOINED;
        }
        return previous.equals(now) ? Change.NONE : Change.UPDATED;
    }

    /**
     * After a resume LiveKit sends everyone still in the room; whoever we knew and is missing left
     * while our signalling was down. Returns them, already forgotten.
     */
    List<Participant> retainOnly(Collection<String> presentSids) {
        List<Participant> gone = bySid.values().stream()
                .filter(p -> !presentSids.contains(p.sid()))
                .toList();
        gone.forEach(p -> {
            bySid.remove(p.sid());
            audioTrack.remove(p.sid());
            trackOwner.values().removeIf(owner -> owner.equals(p.sid()));
        });
        return gone;
    }

    Optional<Participant> bySid(String sid) {
        return Optional.ofNullable(bySid.get(sid));
    }

    Optional<Participant> byIdentity(String identity) {
        return bySid.values().stream()
                .filter(p -> p.identity().equals(identity))
                .findFirst();
    }

    /** The SID of the participant's (last published) audio track, for transcripts of what they say. */
    Optional<String> audioTrackOf(String identity) {
        return byIdentity(identity).map(p -> audioTrack.get(p.sid()));
    }

    Optional<Participant> ownerOfTrack(String trackSid) {
        String owner = trackOwner.get(trackSid);
        return owner == null ? Optional.empty() : bySid(owner);
    }

    Collection<Participant> all() {
        return List.copyOf(bySid.values());
    }

    /** Participants that are people (or SIP callers), not other agents, egress or ingress. */
    long humans() {
        return bySid.values().stream()
                .filter(p -> p.kind() == Participant.Kind.STANDARD || p.kind() == Participant.Kind.SIP)
                .count();
    }

    static Participant toParticipant(ParticipantInfo info) {
        return new Participant(
                info.getSid(),
                info.getIdentity(),
                info.getName(),
                info.getMetadata(),
                info.getAttributesMap(),
                kind(info.getKind()));
    }

    private static Participant.Kind kind(ParticipantInfo.Kind kind) {
        return switch (kind) {
            case STANDARD -> Participant.Kind.STANDARD;
            case AGENT -> Participant.Kind.AGENT;
            case SIP -> Participant.Kind.SIP;
            case INGRESS -> Participant.Kind.INGRESS;
            case EGRESS -> Participant.Kind.EGRESS;
            default -> Participant.Kind.OTHER;
        };
    }
}
