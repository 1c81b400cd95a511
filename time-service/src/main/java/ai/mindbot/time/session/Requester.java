package ai.mindbot.time.session;

/** Who asks about a session: its owner sees their own; the agent (and internal callers) see every one. */
public record Requester(String userId, boolean seesEverySession) {

    public static final Requester INTERNAL = new Requester("internal", true);

    boolean sees(VoiceSession session) {
        return seesEverySession || session.userId().equals(userId);
    }
}
