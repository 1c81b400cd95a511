package ai.mindbot.agent.mindbot.tools;

import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.mindbot.services.TimeService;
import ai.mindbot.agent.mindbot.services.TimeService.TimePackage;
import ai.mindbot.agent.voice.Tool;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code get_time_packages}: the time cards on sale, from the time service's public {@code GET /time/pricing}. */
final class GetTimePackages {

    static final String NAME = "get_time_packages";

    private GetTimePackages() {}

    static Tool tool(TimeService timeService) {
        return new Tool(
                NAME,
                "List the time card packages the user can buy, with hours and prices.",
                Tool.NO_PARAMETERS,
                arguments -> {
                    try {
                        return answer(ToolAnswers.await(timeService.pricing()));
                    } catch (Exception e) {
                        return ToolAnswers.error(
                                "time_service_unreachable", "The price list cannot be reached right now.");
                    }
                });
    }

    static String answer(List<TimePackage> packages) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (TimePackage p : packages) {
            list.add(Json.object()
                    .put("id", p.id())
                    .put("name", p.name())
                    .put("seconds", p.seconds())
                    .put("hours", p.seconds() / 3600.0)
                    .put("price_cents", p.priceCents())
                    .put("currency", p.currency())
                    .put("price", Money.format(p.priceCents(), p.currency()))
                    .put(
                            "price_per_hour",
                            Money.format(Money.costCents(3600, p.priceCents(), p.seconds()), p.currency())));
        }
        ObjectNode node = Json.object();
        node.set("packages", list);
        return Json.write(node);
    }
}
