package ai.mindbot.auth.token;

import ai.mindbot.auth.account.AccountService;
import ai.mindbot.auth.account.UserAccount;
import ai.mindbot.auth.livekit.LiveKitTokens;
import ai.mindbot.auth.livekit.RoomToken;
import ai.mindbot.common.web.ApiException;
import org.springframework.stereotype.Service;

/** A sign-in: an access token, a refresh token family, and a LiveKit token for the personal room. */
@Service
public class SignIns {

    private final AccessTokenIssuer accessTokens;
    private final RefreshTokenStore refreshTokens;
    private final LiveKitTokens liveKit;
    private final AccountService accounts;

    SignIns(
            AccessTokenIssuer accessTokens,
            RefreshTokenStore refreshTokens,
            LiveKitTokens liveKit,
            AccountService accounts) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.liveKit = liveKit;
        this.accounts = accounts;
    }

    /** After register or login: a new refresh family. */
    public SignInTokens open(UserAccount account) {
        return tokens(account, refreshTokens.startFamily(account.id()));
    }

    /** Rotates the refresh token; refused when it is no good or the account was disabled meanwhile. */
    public SignInTokens refresh(String refreshToken) {
        RefreshTokenStore.Rotation rotation = refreshTokens.rotate(refreshToken);
        UserAccount account;
        try {
            account = accounts.activeAccount(rotation.userId());
        } catch (ApiException disabledMeanwhile) {
            refreshTokens.revokeAll(rotation.userId()); // including the successor nobody will receive
            throw disabledMeanwhile;
        }
        return tokens(account, rotation.refreshToken());
    }

    /** Ends the sign-in the refresh token belongs to, or every sign-in of the user when none is given. */
    public void close(long userId, String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            refreshTokens.revokeAll(userId);
        } else {
            refreshTokens.revokeFamily(refreshToken, userId);
        }
    }

    /** Every sign-in of the user ends: password changed, account disabled. */
    public void closeAll(long userId) {
        refreshTokens.revokeAll(userId);
    }

    private SignInTokens tokens(UserAccount account, String refreshToken) {
        IssuedToken access = accessTokens.forUser(account);
        RoomToken room = liveKit.forPersonalRoom(account);
        return new SignInTokens(
                access.value(),
                "bearer",
                access.expiresInSeconds(),
                refreshToken,
                room.livekitToken(),
                room.livekitUrl(),
                room.roomName());
    }
}
