package ai.mindbot.agent.mindbot.tools;

import ai.mindbot.agent.mindbot.metering.TimeKeeper;
import ai.mindbot.agent.mindbot.services.TimeService;
import ai.mindbot.agent.voice.Tool;
import java.util.List;

/** The four tools of one call: the time ones read that call's {@link TimeKeeper}. */
public final class MindBotTools {

    public static final String CHECK_TIME_BALANCE = CheckTimeBalance.NAME;
    public static final String GET_TIME_PACKAGES = GetTimePackages.NAME;
    public static final String ESTIMATE_SESSION_COST = EstimateSessionCost.NAME;
    public static final String LOOKUP_WEATHER = LookupWeather.NAME;

    private MindBotTools() {}

    public static List<Tool> forCall(TimeKeeper keeper, TimeService timeService, WeatherService weather) {
        return List.of(
                CheckTimeBalance.tool(keeper),
                GetTimePackages.tool(timeService),
                EstimateSessionCost.tool(keeper, timeService),
                LookupWeather.tool(weather));
    }
}
