package ai.mindbot.admin.export;

import ai.mindbot.common.web.ApiException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Whole UTC days {@code from} through {@code to} (both YYYY-MM-DD, inclusive), at most ten years. */
record DateRange(LocalDate from, LocalDate to) {

    static final int MAX_DAYS = 3660;

    static DateRange parse(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw ApiException.badRequest("invalid_range", "to must not be before from");
        }
        if (end.toEpochDay() - start.toEpochDay() >= MAX_DAYS) {
            throw ApiException.badRequest("invalid_range", "a range covers at most " + MAX_DAYS + " days");
        }
        return new DateRange(start, end);
    }

    long startMillis() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** Exclusive: the start of the day after {@code to}. */
    long endMillis() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw ApiException.badRequest("invalid_date", name + " must be a date as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_date", name + " is not a real date: " + value);
        }
    }
}
