package ai.mindbot.admin.users;

/** Flags as the two databases store them: PostgreSQL booleans, SQLite integers. */
public final class Truthy {

    private Truthy() {}

    public static boolean of(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        String s = value.toString().trim();
        return !s.isEmpty() && !s.equals("0") && !s.equalsIgnoreCase("false");
    }
}
