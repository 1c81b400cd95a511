package ai.mindbot.agent.mindbot.caller;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.Participant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Participant participant(String identity, String name, Map<String, String> attributes) {
        return new Participant("PA_1", identity, name, "", attributes, Participant.Kind.STANDARD);
    }

    @Test
    void aUserIsKnownByTheIdentityTheAuthServiceSigned() {
        Caller caller = Caller.of(participant(
                        "user-42", "John Doe", Map.of("mindbot.user_id", "42", "mindbot.email", "john@example.com")))
                .orElseThrow();

        assertThat(caller.kind()).isEqualTo(Caller.Kind.USER);
        assertThat(caller.userId()).isEqualTo("42");
        assertThat(caller.firstName()).isEqualTo("John");
        assertThat(caller.email()).isEqualTo("john@example.com");
    }

    @Test
    void attributesAClientChangedNeverDecideWhoIsBilled() {
        Caller caller = Caller.of(
                        participant("user-42", "John", Map.of("mindbot.user_id", "1", "mindbot.guest", "true")))
                .orElseThrow();

        assertThat(caller.userId()).isEqualTo("42");
        assertThat(caller.isGuest()).isFalse();
    }

    @Test
    void aGuestIdentityIsAGuestWhateverItsAttributesSay() {
        Caller caller = Caller.of(participant("guest-0123456789abcdef", "guest", Map.of("mindbot.user_id", "42")))
                .orElseThrow();

        assertThat(caller.isGuest()).isTrue();
        assertThat(caller.userId()).isNull();
        assertThat(caller.firstName()).isEmpty();
    }

    @Test
    void participantsTheAuthServiceDidNotMintAreNotServed() {
        assertThat(Caller.of(participant("alice", "Alice", Map.of("mindbot.user_id", "42"))))
                .isEmpty();
        assertThat(Caller.of(participant("user-abc", "Alice", Map.of()))).isEmpty();
        assertThat(Caller.of(new Participant("PA_2", "agent-AJ_1", "agent", "", Map.of(), Participant.Kind.AGENT)))
                .isEmpty();
    }

    @Test
    void aNameThatIsAnEmailOrAPlaceholderIsNotUsedToGreet() {
        assertThat(Caller.firstName("john@example.com")).isEmpty();
        assertThat(Caller.firstName("user-42")).isEmpty();
        assertThat(Caller.firstName("  Maria  Lopez ")).isEqualTo("Maria");
    }
}
