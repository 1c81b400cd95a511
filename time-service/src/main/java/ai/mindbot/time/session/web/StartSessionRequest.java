package ai.mindbot.time.session.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * POST /time/sessions. {@code user_id} and {@code email} are for the agent, which starts sessions
 * on a user's behalf; a user's own token already says who they are.
 */
record StartSessionRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = "[\\p{Graph}]+", message = "must be printable, without spaces")
        String roomName,

        @Size(max = 128) @Pattern(regexp = "[\\p{Graph}]+", message = "must be printable, without spaces")
        String participantIdentity,

        @Size(min = 1, max = 64) String userId,
        @Email @Size(max = 254) String email) {}
