package ai.mindbot.admin.analytics;

import java.util.ArrayList;
import java.util.List;

import ai.mindbot.admin.db.AdminDatabase;

/** The rollups' watermarks in {@code admin_rollup_state}: up to when each has read its source. */
final class RollupState {

    private RollupState() {
    }

    static Long load(AdminDatabase admin, String name) {
        return admin.jdbc().sql("SELECT value FROM admin_rollup_state WHERE name = :name")
                .param("name", name).query(Long.class).optional().orElse(null);
    }

    static void save(AdminDatabase admin, String name, long value) {
        admin.jdbc().sql("""
                INSERT INTO admin_rollup_state (name, value) VALUES (:name, :value)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """).param("name", name).param("value", value).update();
    }

    /** Days {@code from} (inclusive) to {@code to} (exclusive), as epoch days. */
    record DayRange(long from, long to) {
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
