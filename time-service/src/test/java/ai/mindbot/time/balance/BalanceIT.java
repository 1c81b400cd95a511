package ai.mindbot.time.balance;

import static ai.mindbot.time.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.NewEntry;
import ai.mindbot.time.testing.OnBothDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A user's balance and ledger over HTTP, on SQLite and PostgreSQL. */
class BalanceIT extends OnBothDatabases {

    @Test
    void aNewUserHasAnEmptyLowBalance() {
        JsonNode balance = time.http.get("/time/balance", Tokens.user("301")).json();

        assertThat(balance.path("balance_seconds").asLong()).isZero();
        assertThat(balance.path("available_seconds").asLong()).isZero();
        assertThat(balance.path("low_balance").asBoolean()).isTrue();
        assertThat(balance.path("active_sessions").asLong()).isZero();
    }

    @Test
    void showsFriendlyNumbersAndWhatLiveSessionsHold() {
        time.purchase("302", "basic_5h", "pm_card_visa");
        time.bean(JdbcClient.class)
                .sql("UPDATE accounts SET reserved_seconds = 120 WHERE user_id = '302'")
                .update();
        time.bean(JdbcClient.class).sql("""
                INSERT INTO voice_sessions (id, user_id, room_name, status, reserved_seconds, started_at,
                                            last_heartbeat_at, expires_at)
                VALUES ('s-302', '302', 'room', 'active', 120, 0, 0, 0)""").update();

        JsonNode balance = time.http.get("/time/balance", Tokens.user("302")).json();

        assertThat(balance.path("balance_seconds").asLong()).isEqualTo(18000);
        assertThat(balance.path("available_seconds").asLong()).isEqualTo(18000 - 120);
        assertThat(balance.path("balance_minutes").decimalValue()).isEqualByComparingTo("300");
        assertThat(balance.path("balance_hours").decimalValue()).isEqualByComparingTo("5");
        assertThat(balance.path("low_balance").asBoolean()).isFalse();
        assertThat(balance.path("active_sessions").asLong()).isEqualTo(1);
    }

    @Test
    void listsTheLedgerNewestFirstInPages() {
        Ledger ledger = time.bean(Ledger.class);
        for (int i = 1; i <= 25; i++) {
            ledger.post(NewEntry.of("303", EntryKind.ADMIN_GRANT, i, Cause.adminAction("page-" + database + "-" + i)));
        }

        Http.Response firstPage = time.http.get("/time/transactions", Tokens.user("303"));
        assertThat(firstPage.status()).as(firstPage.body()).isEqualTo(200);
        JsonNode first = firstPage.json();
        JsonNode last = time.http
                .get("/time/transactions?limit=10&offset=20", Tokens.user("303"))
                .json();

        assertThat(first.path("total").asLong()).isEqualTo(25);
        assertThat(first.path("transactions")).hasSize(20);
        assertThat(first.path("transactions").get(0).path("seconds").asLong()).isEqualTo(25);
        assertThat(first.path("transactions").get(0).path("kind").asString()).isEqualTo("admin_grant");
        assertThat(first.path("transactions").get(0).path("balance_after").asLong())
                .isEqualTo(25 * 26 / 2);
        assertThat(last.path("transactions")).hasSize(5);
        assertThat(last.path("transactions").get(4).path("seconds").asLong()).isEqualTo(1);
        // one user never sees another's entries
        assertThat(time.http
                        .get("/time/transactions", Tokens.user("304"))
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void refusesBadPaginationAndMissingTokens() {
        String token = Tokens.user("305");
        assertProblem(time.http.get("/time/transactions?limit=0", token), 400, "invalid_parameter");
        assertProblem(time.http.get("/time/transactions?limit=101", token), 400, "invalid_parameter");
        assertProblem(time.http.get("/time/transactions?offset=-1", token), 400, "invalid_parameter");
        assertProblem(time.http.get("/time/transactions?limit=ten", token), 400, "invalid_parameter");
        assertProblem(time.http.get("/time/transactions"), 401, "unauthorized");
        assertProblem(time.http.get("/time/balance"), 401, "unauthorized");
    }
}
