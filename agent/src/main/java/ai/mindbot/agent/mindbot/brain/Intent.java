package ai.mindbot.agent.mindbot.brain;

/** What a user turn asks for. */
enum Intent {
    BALANCE,
    PACKAGES,
    SESSION_COST,
    WEATHER,
    CLOCK,
    GREETING,
    WELLBEING,
    HEARING,
    ACKNOWLEDGED,
    THANKS,
    GOODBYE,
    IDENTITY,
    SMALL_TALK
}
