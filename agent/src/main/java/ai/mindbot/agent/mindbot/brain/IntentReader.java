package ai.mindbot.agent.mindbot.brain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a user turn's intent by keywords, in an order that settles the overlaps: the weather first
 * (it names a place), then what this call cost ("how much is this costing me"), the balance when it
 * clearly asks what is left, the packages ("how much does an hour cost"), the balance asked loosely
 * ("what time do i have"), and the conversational ones last.
 */
final class IntentReader {

    private static final Set<String> WEATHER = Set.of("weather", "forecast", "temperature", "temperatures");
    private static final Set<String> WEATHER_WEAK = Set.of(
            "rain",
            "raining",
            "rainy",
            "sunny",
            "snow",
            "snowing",
            "cold",
            "hot",
            "warm",
            "windy",
            "cloudy",
            "umbrella");
    private static final Set<String> COST = Set.of(
            "cost",
            "costs",
            "costing",
            "costed",
            "spent",
            "spend",
            "spending",
            "charged",
            "charge",
            "charging",
            "bill",
            "billed",
            "pay",
            "paid",
            "price");
    private static final Set<String> THIS_CALL =
            Set.of("this", "call", "session", "conversation", "far", "talking", "talked", "chat", "now", "today");
    private static final Set<String> PACKAGES = Set.of(
            "package",
            "packages",
            "card",
            "cards",
            "plan",
            "plans",
            "pricing",
            "prices",
            "buy",
            "purchase",
            "offers",
            "options",
            "deals",
            "bundle",
            "bundles",
            "subscription",
            "topup");
    private static final Set<String> TIME = Set.of("time", "minutes", "minute", "hours", "hour", "seconds");
    private static final Set<String> BALANCE = Set.of("balance", "credit", "credits");
    private static final Set<String> LEFT = Set.of("left", "remaining", "remain", "remains", "rest");
    private static final Set<String> HAVE = Set.of("have", "got", "much", "long", "many", "check");
    private static final Set<String> GREETINGS = Set.of("hello", "hi", "hey", "hiya", "howdy", "greetings", "yo");
    private static final Set<String> THANKS = Set.of("thanks", "thank", "cheers", "appreciate", "thx");
    private static final Set<String> ACKNOWLEDGEMENTS =
            Set.of("yes", "no", "okay", "ok", "stop", "wait", "sure", "right", "fine", "alright", "yeah", "nope");
    private static final Set<String> BYES = Set.of("bye", "goodbye", "byebye", "farewell");
    /** Words that end a place name: "weather in new york today please". */
    private static final Set<String> AFTER_PLACE = Set.of(
            "today",
            "now",
            "right",
            "tomorrow",
            "please",
            "like",
            "currently",
            "at",
            "this",
            "tonight",
            "is",
            "for",
            "and",
            "then",
            "outside",
            "there");

    private static final Set<String> NOT_A_PLACE = Set.of(
            "the",
            "what",
            "is",
            "how",
            "tell",
            "me",
            "about",
            "current",
            "todays",
            "give",
            "check",
            "can",
            "you",
            "please",
            "a",
            "in",
            "weather",
            "forecast",
            "temperature",
            "and",
            "know",
            "want",
            "to",
            "i",
            "would",
            "like",
            "hey",
            "so",
            "okay",
            "ok",
            "well",
            "now",
            "there",
            "here",
            "outside");

    private IntentReader() {}

    static Understood read(String utterance) {
        Words w = Words.of(utterance);
        if (w.isEmpty()) {
            return Understood.of(Intent.SMALL_TALK);
        }
        boolean whetherAsWeather =
                w.hasAnyPhrase("the whether", "whether in", "whether like", "whether for", "whether at");
        if (w.hasAny(WEATHER) || whetherAsWeather || (w.hasAny(WEATHER_WEAK) && w.has("in") && !place(w).isEmpty())) {
            return new Understood(Intent.WEATHER, place(w));
        }
        boolean costWord = w.hasAny(COST) || w.has("how much is this") || w.has("how much did");
        boolean callTime = w.hasAnyPhrase(
                "how long have we",
                "how long did we",
                "how long we have",
                "how long has this",
                "how long is this call",
                "how long was this");
        if (callTime || (costWord && w.hasAny(THIS_CALL) && !w.hasAny(PACKAGES))) {
            return Understood.of(Intent.SESSION_COST);
        }
        boolean timeWord = w.hasAny(TIME);
        if (w.has("add") && (timeWord || w.hasAny(BALANCE))) {
            return Understood.of(
                    Intent.PACKAGES); // "add ten minutes to my balance": buying, which the time cards answer
        }
        if (w.hasAny(BALANCE)
                || (timeWord && w.hasAny(LEFT))
                || w.hasAnyPhrase("how long can i", "how long can we", "running out of time", "run out of time")) {
            return Understood.of(Intent.BALANCE);
        }
        if (w.hasAny(PACKAGES)
                || costWord
                || w.hasAnyPhrase("top up", "more time", "how much is an hour", "how much for")) {
            return Understood.of(Intent.PACKAGES);
        }
        if (w.hasAnyPhrase("what time is it", "what is the time", "the time now", "time is it", "tell me the time")) {
            return Understood.of(Intent.CLOCK);
        }
        if (timeWord && w.hasAny(HAVE)) {
            return Understood.of(Intent.BALANCE);
        }
        if (w.hasAny(BYES)
                || w.hasAnyPhrase(
                        "see you",
                        "talk later",
                        "talk to you later",
                        "have to go",
                        "got to go",
                        "gotta go",
                        "that is all",
                        "good night")) {
            return Understood.of(Intent.GOODBYE);
        }
        if (w.hasAny(THANKS)) {
            return Understood.of(Intent.THANKS);
        }
        if (w.hasAnyPhrase(
                "who are you",
                "what are you",
                "your name",
                "what can you do",
                "what do you do",
                "who am i talking to",
                "help me",
                "help")) {
            return Understood.of(Intent.IDENTITY);
        }
        if (w.hasAnyPhrase("how are you", "how is it going", "how are you doing", "how do you do", "are you ok")) {
            return Understood.of(Intent.WELLBEING);
        }
        if (w.hasAnyPhrase("can you hear me", "are you there", "do you hear me")) {
            return Understood.of(Intent.HEARING);
        }
        if (w.size() <= 2 && w.hasAny(ACKNOWLEDGEMENTS)) {
            return Understood.of(Intent.ACKNOWLEDGED);
        }
        if (w.hasAny(GREETINGS) || w.hasAnyPhrase("good morning", "good afternoon", "good evening")) {
            return Understood.of(Intent.GREETING);
        }
        return Understood.of(Intent.SMALL_TALK);
    }

    /** The place a weather question names: after "in"/"for"/"at", or else the words before "weather". */
    static String place(Words w) {
        List<String> words = w.list();
        for (int i = 0; i < words.size() - 1; i++) {
            String word = words.get(i);
            if (word.equals("in") || word.equals("for") || (word.equals("at") && i > 0)) {
                List<String> name = new ArrayList<>();
                for (int j = i + 1; j < words.size() && !AFTER_PLACE.contains(words.get(j)) && name.size() < 4; j++) {
                    if (!(name.isEmpty() && words.get(j).equals("the"))) {
                        name.add(words.get(j));
                    }
                }
                if (!name.isEmpty() && !NOT_A_PLACE.contains(name.get(0))) {
                    return titleCase(name);
                }
            }
        }
        int weather = w.indexOfAny(WEATHER);
        if (weather > 0) {
            List<String> name = new ArrayList<>();
            for (int j = weather - 1; j >= 0 && !NOT_A_PLACE.contains(words.get(j)) && name.size() < 3; j--) {
                name.add(0, words.get(j));
            }
            return titleCase(name);
        }
        return "";
    }

    /** A short answer to "which city?" taken as the place itself. */
    static String bare(String utterance) {
        Words w = Words.of(utterance);
        List<String> name = new ArrayList<>();
        for (String word : w.list()) {
            if (!NOT_A_PLACE.contains(word) && !AFTER_PLACE.contains(word) && name.size() < 4) {
                name.add(word);
            }
        }
        return titleCase(name);
    }

    private static String titleCase(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            out.add(word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
        }
        return String.join(" ", out);
    }
}
