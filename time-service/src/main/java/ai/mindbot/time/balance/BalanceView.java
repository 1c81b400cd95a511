package ai.mindbot.time.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code GET /time/balance}. Seconds are the truth; minutes and hours are rounded down, for display.
 * {@code available_seconds} is what live sessions have not reserved.
 */
record BalanceView(
        String userId,
        long balanceSeconds,
        long availableSeconds,
        long reservedSeconds,
        BigDecimal balanceMinutes,
        BigDecimal balanceHours,
        boolean lowBalance,
        long lowBalanceThresholdSeconds,
        long activeSessions) {

    static BalanceView of(String userId, BalanceFigures figures, long lowBalanceThresholdSeconds) {
        long balance = figures.balanceSeconds();
        return new BalanceView(
                userId,
                balance,
                Math.max(0, balance - figures.reservedSeconds()),
                figures.reservedSeconds(),
                BigDecimal.valueOf(balance).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN),
                BigDecimal.valueOf(balance).divide(BigDecimal.valueOf(3600), 2, RoundingMode.DOWN),
                balance < lowBalanceThresholdSeconds,
                lowBalanceThresholdSeconds,
                figures.activeSessions());
    }
}
