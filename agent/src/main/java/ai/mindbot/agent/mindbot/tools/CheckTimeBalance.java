package ai.mindbot.agent.mindbot.tools;

import ai.mindbot.agent.mindbot.metering.Reading;
import ai.mindbot.agent.mindbot.metering.TimeKeeper;
import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.mindbot.speech.SpokenDuration;
import ai.mindbot.agent.voice.Tool;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code check_time_balance}: what the caller can still talk. It asks the time keeper for a fresh
 * heartbeat rather than trusting the last one, so time bought a moment ago in another tab counts.
 */
final class CheckTimeBalance {

    static final String NAME = "check_time_balance";

    private CheckTimeBalance() {}

    static Tool tool(TimeKeeper keeper) {
        return new Tool(
                NAME,
                "Get the user's remaining conversation time (their time balance) and whether it is low.",
                Tool.NO_PARAMETERS,
                arguments -> answer(ToolAnswers.await(keeper.refresh())));
    }

    static String answer(Reading reading) {
        ObjectNode node = Json.object();
        if (reading.guest()) {
            node.put("caller", "guest")
                    .put("time_tracked", false)
                    .put("guest_seconds_left", reading.secondsLeft())
                    .put("guest_time_left", SpokenDuration.of(reading.secondsLeft()));
            return Json.write(node);
        }
        if (!reading.metered() || reading.secondsLeft() < 0) {
            return ToolAnswers.error("time_service_unreachable", "The time service cannot be reached right now.");
        }
        node.put("caller", "user")
                .put("balance_seconds", reading.secondsLeft())
                .put("balance", SpokenDuration.of(reading.secondsLeft()))
                .put("low_balance", reading.lowBalance());
        return Json.write(node);
    }
}
