package ai.mindbot.admin.analytics;

import ai.mindbot.admin.db.AdminDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rollups' watermarks in {@code admin_rollup_state}: up to when each has read its source. */
final class RollupState {

    private RollupState() {}

    static Long load(AdminDatabase admin, String name) {
        return admin.jdbc()
                .sql("SELECT value FROM admin_rollup_state WHERE name = :name")
                .param("name", name)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    static void save(AdminDatabase admin, String name, long value) {
        admin.jdbc().sql("""
                INSERT INTO admin_rollup_state (name, value) VALUES (:name, :value)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """).param("name", name).param("value", value).update();
    }

    /** Days {@code from} (inclusive) to {@code to} (exclusive), as epoch days. */
    record DayRange(long from, long to) {}

    /**
     * The closed UTC days a rollup holds as of {@code now}: from the first day a report can ask for
     * to the last day that closed more than {@link UsageRollup#OVERLAP_MILLIS} ago (a late commit
     * may still land in a day that closed just now); empty while there is none.
     */
    static Optional<DayRange> closedDays(long now) {
        long lastClosedDay = Math.floorDiv(now - UsageRollup.OVERLAP_MILLIS, ReportWindow.DAY_MILLIS) - 1;
        long firstDay = Math.floorDiv(now, ReportWindow.DAY_MILLIS) - ReportWindow.MAX_DAYS;
        return lastClosedDay < firstDay ? Optional.empty() : Optional.of(new DayRange(firstDay, lastClosedDay + 1));
    }

    /** Consecutive days among {@code days} (ascending), as ranges, so each range is one query. */
    static List<DayRange> ranges(Iterable<Long> days) {
        List<DayRange> ranges = new ArrayList<>();
        for (long day : days) {
            int last = ranges.size() - 1;
            if (last >= 0 && ranges.get(last).to() == day) {
                ranges.set(last, new DayRange(ranges.get(last).from(), day + 1));
            } else {
                ranges.add(new DayRange(day, day + 1));
            }
        }
        return ranges;
    }
}
