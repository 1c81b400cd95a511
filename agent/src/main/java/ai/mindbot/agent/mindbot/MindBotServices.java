package ai.mindbot.agent.mindbot;

import ai.mindbot.agent.mindbot.metering.MeteringRules;
import ai.mindbot.agent.mindbot.services.TimeService;
import ai.mindbot.agent.mindbot.tools.WeatherService;
import ai.mindbot.agent.voice.ConversationListener;
import ai.mindbot.agent.voice.VoiceOptions;

/**
 * What every MindBot call of one worker shares: the service clients, the rules, and a listener every
 * conversation reports to (the worker's voice metrics).
 */
public record MindBotServices(
        TimeService time,
        WeatherService weather,
        MeteringRules rules,
        VoiceOptions voiceOptions,
        ConversationListener conversations) {

    private static final ConversationListener NONE = new ConversationListener() {};

    public MindBotServices(TimeService time, WeatherService weather, MeteringRules rules, VoiceOptions voiceOptions) {
        this(time, weather, rules, voiceOptions, NONE);
    }

    public MindBotServices reportingTo(ConversationListener listener) {
        return new MindBotServices(time, weather, rules, voiceOptions, listener);
    }
}
