package ai.mindbot.agent.mindbot.tools;

import java.util.Locale;

/** Integer cents said as a price: "$9.99", "€39.99", "12.50 GBP". */
public final class Money {

    private Money() {}

    public static String format(long cents, String currency) {
        String amount = (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "."
                + String.format(Locale.ROOT, "%02d", Math.abs(cents) % 100);
        return switch (currency == null ? "" : currency.toLowerCase(Locale.ROOT)) {
            case "usd" -> "$" + amount;
            case "eur" -> "€" + amount;
            case "gbp" -> "£" + amount;
            default -> amount + " " + (currency == null ? "" : currency.toUpperCase(Locale.ROOT));
        };
    }

    /** What {@code seconds} cost at {@code priceCents} for {@code packageSeconds}, to the nearest cent. */
    public static long costCents(long seconds, long priceCents, long packageSeconds) {
        return Math.round(seconds * (double) priceCents / packageSeconds);
    }
}
