package ai.mindbot.agent.mindbot.tools;

import ai.mindbot.agent.mindbot.metering.Reading;
import ai.mindbot.agent.mindbot.metering.TimeKeeper;
import ai.mindbot.agent.mindbot.services.Json;
import ai.mindbot.agent.mindbot.services.TimeService;
import ai.mindbot.agent.mindbot.services.TimeService.TimePackage;
import ai.mindbot.agent.mindbot.speech.SpokenDuration;
import ai.mindbot.agent.voice.Tool;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code estimate_session_cost}: this call's time so far, what it cost and what remains. The balance
 * is time, bought on cards with different prices per hour, so the cost is given at the rate of the
 * package the model names, or else as the range from the cheapest to the dearest rate.
 */
final class EstimateSessionCost {

    static final String NAME = "estimate_session_cost";
    static final String PARAMETERS = """
            {"type":"object","properties":{"package_id":{"type":"string",\
            "description":"price the time at this time card's rate (e.g. basic_5h); omit for the range over all cards"}}}""";

    private EstimateSessionCost() {}

    static Tool tool(TimeKeeper keeper, TimeService timeService) {
        return new Tool(
                NAME,
                "Estimate how long this conversation has lasted, what it has cost so far, and how much time remains.",
                PARAMETERS,
                arguments -> {
                    Reading reading = keeper.reading();
                    List<TimePackage> packages;
                    try {
                        packages = ToolAnswers.await(timeService.pricing());
                    } catch (Exception e) {
                        packages = List.of();
                    }
                    JsonNode args = Json.parse(arguments);
                    return answer(reading, packages, args.path("package_id").asString(""));
                });
    }

    static String answer(Reading reading, List<TimePackage> packages, String packageId) {
        ObjectNode node = Json.object()
                .put("seconds_talked", reading.secondsTalked())
                .put("time_talked", SpokenDuration.of(reading.secondsTalked()));
        if (reading.secondsLeft() >= 0) {
            node.put("seconds_left", reading.secondsLeft()).put("time_left", SpokenDuration.of(reading.secondsLeft()));
        }
        if (reading.guest()) {
            return Json.write(node.put("caller", "guest").put("billed", false).put("cost_cents", 0));
        }
        node.put("caller", "user").put("billed", true);
        Optional<TimePackage> named =
                packages.stream().filter(p -> p.id().equals(packageId)).findFirst();
        if (named.isPresent()) {
            TimePackage p = named.get();
            long cents = Money.costCents(reading.secondsTalked(), p.priceCents(), p.seconds());
            return Json.write(node.put("package_id", p.id())
                    .put("cost_cents", cents)
                    .put("currency", p.currency())
                    .put("cost", Money.format(cents, p.currency())));
        }
        if (packages.isEmpty()) {
            return Json.write(node.put("cost_unknown", "the price list cannot be reached right now"));
        }
        Comparator<TimePackage> byRate = Comparator.comparingDouble(p -> p.priceCents() / (double) p.seconds());
        TimePackage cheapest = packages.stream().min(byRate).orElseThrow();
        TimePackage dearest = packages.stream().max(byRate).orElseThrow();
        long low = Money.costCents(reading.secondsTalked(), cheapest.priceCents(), cheapest.seconds());
        long high = Money.costCents(reading.secondsTalked(), dearest.priceCents(), dearest.seconds());
        return Json.write(node.put("currency", cheapest.currency())
                .put("cost_low_cents", low)
                .put("cost_high_cents", high)
                .put("cost_low", Money.format(low, cheapest.currency()))
                .put("cost_high", Money.format(high, dearest.currency()))
                .put("cheapest_package", cheapest.name())
                .put("dearest_package", dearest.name()));
    }
}
