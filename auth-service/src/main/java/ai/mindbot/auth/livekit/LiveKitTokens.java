package ai.mindbot.auth.livekit;

import ai.mindbot.auth.account.UserAccount;
import ai.mindbot.common.web.ApiException;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs LiveKit tokens for one room each: join, publish, subscribe and send data, nothing more
 * (no room admin, no recording). The agent reads who the participant is from the metadata (JSON)
 * or the {@code mindbot.*} attributes.
 */
@Component
public class LiveKitTokens {

    public static final String ATTR_USER_ID = "mindbot.user_id";
    public static final String ATTR_EMAIL = "mindbot.email";
    public static final String ATTR_GUEST = "mindbot.guest";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LiveKitSettings settings;

    LiveKitTokens(LiveKitSettings settings) {
        this.settings = settings;
    }

    /** A token for the user's own room {@code mindbot-<id>}, handed out at register and login. */
    public RoomToken forPersonalRoom(UserAccount user) {
        return forUser(user, RoomNames.personalRoomOf(user.id()), user.fullName());
    }

    /** 403 {@code room_reserved} for another user's personal room or a guest room. */
    public RoomToken forUser(UserAccount user, String room, String participantName) {
        if (RoomNames.reservedFor(room, user.id())) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN, "room_reserved", "room '" + room + "' is reserved; choose another name");
        }
        String identity = RoomNames.identityOf(user.id());
        AccessToken token = newToken(room, identity, participantName);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("user_id", user.subject());
        metadata.put("email", user.email());
        token.setMetadata(JSON.writeValueAsString(metadata));
        token.getAttributes().put(ATTR_USER_ID, user.subject());
        token.getAttributes().put(ATTR_EMAIL, user.email());
        return new RoomToken(token.toJwt(), settings.url(), room, identity);
    }

    /** A token for a fresh guest room under a fresh {@code guest-...} identity; no account behind it. */
    public RoomToken forGuest(String participantName) {
        String room = RoomNames.newGuestRoom();
        String identity = RoomNames.newGuestIdentity();
        AccessToken token = newToken(room, identity, participantName);
        token.setMetadata(JSON.writeValueAsString(Map.of("guest", true)));
        token.getAttributes().put(ATTR_GUEST, "true");
        return new RoomToken(token.toJwt(), settings.url(), room, identity);
    }

    private AccessToken newToken(String room, String identity, String participantName) {
        AccessToken token = new AccessToken(settings.apiKey(), settings.apiSecret());
        token.setIdentity(identity);
        token.setName(participantName);
        token.setTtl(settings.tokenTtl().toMillis());
        token.addGrants(
                new RoomJoin(true),
                new RoomName(room),
                new CanPublish(true),
                new CanSubscribe(true),
                new CanPublishData(true));
        return token;
    }
}
