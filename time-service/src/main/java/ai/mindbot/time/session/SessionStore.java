package ai.mindbot.time.session;

import ai.mindbot.time.ledger.Account;
import ai.mindbot.time.ledger.AccountChanges;
import ai.mindbot.time.session.VoiceSession.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The voice_sessions table. Every change to a live session is conditional on it still being active
 * at the commit number the caller read, so of two racing writers (heartbeat and end, end and
 * sweeper, two webhooks) exactly one wins and the other re-reads.
 */
@Repository
class SessionStore {

    private static final String COLUMNS = """
            s.id, s.user_id, s.room_name, s.participant_identity, s.status, s.reserved_seconds, s.used_seconds,
            s.started_by, s.started_at, s.last_heartbeat_at, s.expires_at, s.ended_at, s.end_reason, s.end_note,
            s.paid_until, s.commit_count""";

    /** A session and its user's account, read together: a commit needs both, in one round trip. */
    record Metered(VoiceSession session, Account account) {}

    private final JdbcClient jdbc;
    private final AccountChanges changes;

    SessionStore(JdbcClient jdbc, AccountChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    void insert(VoiceSession s) {
        jdbc.sql("""
                INSERT INTO voice_sessions (id, user_id, room_name, participant_identity, status, reserved_seconds,
                    used_seconds, started_by, started_at, last_heartbeat_at, expires_at, paid_until, commit_count)
                VALUES (:id, :user, :room, :identity, :status, :reserved, 0, :startedBy, :now, :now, :expires, :now, 0)""")
                .param("id", s.id())
                .param("user", s.userId())
                .param("room", s.roomName())
                .param("identity", s.participantIdentity(), Types.VARCHAR)
                .param("status", s.status().dbValue())
                .param("reserved", s.reservedSeconds())
                .param("startedBy", s.startedBy())
                .param("now", s.startedAt())
                .param("expires", s.expiresAt())
                .update();
        changes.changed(s.userId()); // one more live session
    }

    Optional<VoiceSession> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM voice_sessions s WHERE s.id = :id")
                .param("id", id)
                .query(SessionStore::row)
                .optional();
    }

    Optional<Metered> findWithAccount(String id) {
        return jdbc.sql("SELECT " + COLUMNS + """
                , a.balance_seconds AS account_balance, a.reserved_seconds AS account_reserved,
                  a.disabled AS account_disabled, a.flagged AS account_flagged
                FROM voice_sessions s JOIN accounts a ON a.user_id = s.user_id WHERE s.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Metered(
                        row(rs, n),
                        new Account(
                                rs.getString("user_id"),
                                rs.getLong("account_balance"),
                                rs.getLong("account_reserved"),
                                rs.getBoolean("account_disabled"),
                                rs.getBoolean("account_flagged"))))
                .optional();
    }

    List<VoiceSession> ofUser(String userId, int limit, int offset) {
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM voice_sessions s WHERE s.user_id = :user ORDER BY s.started_at DESC, s.id DESC LIMIT :limit OFFSET :offset")
                .param("user", userId)
                .param("limit", limit)
                .param("offset", offset)
                .query(SessionStore::row)
                .list();
    }

    long countOf(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM voice_sessions WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    List<String> lapsed(long now, int limit) {
        return jdbc.sql("""
                SELECT id FROM voice_sessions WHERE status = 'active' AND expires_at <= :now
                ORDER BY expires_at LIMIT :limit""")
                .param("now", now)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    List<String> activeInRoom(String room) {
        return jdbc.sql("SELECT id FROM voice_sessions WHERE room_name = :room AND status = 'active'")
                .param("room", room)
                .query(String.class)
                .list();
    }

    /** The participant's sessions: by the identity given at start, or by user id when none was given. */
    List<String> activeOfParticipant(String room, String identity, String userId) {
        return jdbc.sql("""
                SELECT id FROM voice_sessions WHERE room_name = :room AND status = 'active'
                  AND (participant_identity = :identity OR (participant_identity IS NULL AND user_id = :user))""")
                .param("room", room)
                .param("identity", identity)
                .param("user", userId, Types.VARCHAR)
                .query(String.class)
                .list();
    }

    /** A heartbeat's commit: bills {@code charge}, holds {@code held} until {@code expiresAt}. */
    boolean recordCommit(VoiceSession read, long charge, long paidUntil, long held, long now, long expiresAt) {
        return jdbc.sql("""
                UPDATE voice_sessions SET used_seconds = used_seconds + :charge, paid_until = :paidUntil,
                    reserved_seconds = :held, commit_count = commit_count + 1, last_heartbeat_at = :now,
                    expires_at = :expires
                WHERE id = :id AND status = 'active' AND commit_count = :seen""")
                        .param("charge", charge)
                        .param("paidUntil", paidUntil)
                        .param("held", held)
                        .param("now", now)
                        .param("expires", expiresAt)
                        .param("id", read.id())
                        .param("seen", read.commitCount())
                        .update()
                == 1;
    }

    /** The final commit: bills {@code charge}, releases the hold, and closes the session. */
    boolean recordClose(
            VoiceSession read, Status status, long charge, long paidUntil, long now, EndReason reason, String note) {
        boolean closed = jdbc.sql("""
                UPDATE voice_sessions SET status = :status, used_seconds = used_seconds + :charge,
                    paid_until = :paidUntil, reserved_seconds = 0,
                    commit_count = commit_count + 1, ended_at = :now, end_reason = :reason, end_note = :note
                WHERE id = :id AND status = 'active' AND commit_count = :seen""")
                        .param("status", status.dbValue())
                        .param("charge", charge)
                        .param("paidUntil", paidUntil)
                        .param("now", now)
                        .param("reason", reason.dbValue())
                        .param("note", note, Types.VARCHAR)
                        .param("id", read.id())
                        .param("seen", read.commitCount())
                        .update()
                == 1;
        if (closed) {
            changes.changed(read.userId()); // one live session fewer
        }
        return closed;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column); // sqlite-jdbc cannot getObject(..., Long.class) a NULL
        return rs.wasNull() ? null : value;
    }

    private static VoiceSession row(ResultSet rs, int n) throws SQLException {
        return new VoiceSession(
                rs.getString("id"),
                rs.getString("user_id"),
                rs.getString("room_name"),
                rs.getString("participant_identity"),
                Status.fromDb(rs.getString("status")),
                rs.getLong("reserved_seconds"),
                rs.getLong("used_seconds"),
                rs.getString("started_by"),
                rs.getLong("started_at"),
                rs.getLong("last_heartbeat_at"),
                rs.getLong("expires_at"),
                nullableLong(rs, "ended_at"),
                rs.getString("end_reason"),
                rs.getString("end_note"),
                rs.getLong("paid_until"),
                rs.getInt("commit_count"));
    }
}
