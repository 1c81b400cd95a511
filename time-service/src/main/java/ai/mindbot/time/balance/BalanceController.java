package ai.mindbot.time.balance;

import ai.mindbot.common.apidocs.Refusal;
import ai.mindbot.time.ledger.Ledger;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own balance and ledger. */
@RestController
class BalanceController {

    record TransactionPage(List<EntryView> transactions, long total, int limit, int offset) {}

    private final Balances balances;
    private final Ledger ledger;
    private final long lowBalanceThreshold;

    BalanceController(
            Balances balances, Ledger ledger, @Value("${LOW_BALANCE_THRESHOLD_SECONDS:900}") long lowBalanceThreshold) {
        this.balances = balances;
        this.ledger = ledger;
        this.lowBalanceThreshold = lowBalanceThreshold;
    }

    @GetMapping("/time/balance")
    BalanceView balance(@AuthenticationPrincipal Jwt jwt) {
        String user = jwt.getSubject();
        return BalanceView.of(user, balances.of(user), lowBalanceThreshold);
    }

    /** Newest first. */
    @Refusal(status = 400, code = "invalid_parameter", when = "limit is not 1-100, or offset is negative")
    @GetMapping("/time/transactions")
    TransactionPage transactions(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        String user = jwt.getSubject();
        List<EntryView> page = ledger.entriesOf(user, limit, offset).stream()
                .map(EntryView::of)
                .toList();
        return new TransactionPage(page, ledger.countOf(user), limit, offset);
    }
}
