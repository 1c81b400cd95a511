package ai.mindbot.auth.livekit;

/** A LiveKit token and what a client needs with it: the server URL, the room and who it joins as. */
public record RoomToken(String livekitToken, String livekitUrl, String roomName, String identity) {}
