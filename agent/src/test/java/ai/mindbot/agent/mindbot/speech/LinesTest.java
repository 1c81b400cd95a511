package ai.mindbot.agent.mindbot.speech;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.mindbot.metering.EndCause;
import org.junit.jupiter.api.Test;

class LinesTest {

    @Test
    void aLowBalanceGreetingNamesTheUserAndSuggestsTimeCards() {
        assertThat(Lines.lowBalanceGreeting("John", 900))
                .isEqualTo(
                        "Hi John! You have 15 minutes left. Consider purchasing more time cards to continue our conversations!");
    }

    @Test
    void aSufficientBalanceGreetingWelcomesTheUserBack() {
        assertThat(Lines.greeting("John", 9000))
                .isEqualTo(
                        "Welcome back, John! You have 2.5 hours of conversation time remaining. What would you like to talk about today?");
    }

    @Test
    void aGuestIsToldTheirTimeIsNotTrackedAndAboutTheCap() {
        assertThat(Lines.guestGreeting(180))
                .startsWith("Hey there! I'm MindBot. Note that as a guest, your session time isn't tracked")
                .contains("up to 3 minutes")
                .endsWith("Consider creating an account to purchase time cards!");
    }

    @Test
    void readsWellWithoutAName() {
        assertThat(Lines.greeting("", 9000)).startsWith("Welcome back! You have 2.5 hours");
        assertThat(Lines.lowBalanceGreeting(null, 300)).startsWith("Hi! You have 5 minutes left.");
    }

    @Test
    void aRefusalSaysHowMuchIsLeftAndWhatIsNeeded() {
        assertThat(Lines.notEnoughTime("John", 20, 30))
                .startsWith("Hi John. I'm sorry, you have only 20 seconds left, "
                        + "and a conversation needs at least 30 seconds.");
        assertThat(Lines.notEnoughTime("", 0, 30)).contains("you have no conversation time left");
    }

    @Test
    void everyEndingHasAGoodbye() {
        for (EndCause cause : EndCause.values()) {
            assertThat(Lines.goodbye(cause, "John")).endsWith("Goodbye!");
        }
        assertThat(Lines.goodbye(EndCause.BALANCE_EXHAUSTED, "John")).contains("Your time is up", "John");
        assertThat(Lines.goodbye(EndCause.TIME_SERVICE_UNAVAILABLE, "")).contains("can't reach the time service");
    }
}
