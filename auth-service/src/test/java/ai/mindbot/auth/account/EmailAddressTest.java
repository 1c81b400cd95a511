package ai.mindbot.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalizesToTrimmedLowerCase() {
        assertThat(EmailAddress.normalize("  John.Doe@Example.COM\t")).isEqualTo("john.doe@example.com");
        assertThat(EmailAddress.normalize(null)).isNull();
    }

    @Test
    void patternAcceptsOrdinaryAddressesOnly() {
        assertThat("user@example.com").matches(EmailAddress.PATTERN);
        assertThat("first.last+tag@sub.example.co.uk").matches(EmailAddress.PATTERN);
        assertThat("no-at-sign").doesNotMatch(EmailAddress.PATTERN);
        assertThat("a@localhost").doesNotMatch(EmailAddress.PATTERN);
        assertThat("two@@example.com").doesNotMatch(EmailAddress.PATTERN);
        assertThat("sp ace@example.com").doesNotMatch(EmailAddress.PATTERN);
        assertThat("x".repeat(65) + "@example.com").doesNotMatch(EmailAddress.PATTERN);
    }
}
