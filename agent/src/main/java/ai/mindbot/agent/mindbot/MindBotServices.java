package ai.mindbot.agent.mindbot;

import ai.mindbot.agent.mindbot.metering.MeteringRules;
import ai.mindbot.agent.mindbot.services.TimeService;
import ai.mindbot.agent.mindbot.tools.WeatherService;
import ai.mindbot.agent.voice.VoiceOptions;

/** What every MindBot call of one worker shares: the service clients and the rules. */
public record MindBotServices(TimeService time, WeatherService weather, MeteringRules rules, VoiceOptions voiceOptions) {
}
