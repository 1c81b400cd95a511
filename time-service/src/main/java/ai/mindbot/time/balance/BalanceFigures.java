package ai.mindbot.time.balance;

/** The three numbers {@code GET /time/balance} is made of, and all the balance cache keeps of an account. */
record BalanceFigures(long balanceSeconds, long reservedSeconds, long activeSessions) {

    static BalanceFigures of(AccountStanding.Standing standing) {
        return new BalanceFigures(standing.balanceSeconds(), standing.reservedSeconds(), standing.activeSessions());
    }

    String encode() {
        return balanceSeconds + " " + reservedSeconds + " " + activeSessions;
    }

    static BalanceFigures decode(String encoded) {
        String[] parts = encoded.split(" ");
        return new BalanceFigures(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }
}
