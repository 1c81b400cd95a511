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
    void composedAndDecomposedSpellingsAreOneAddress() {
        assertThat(EmailAddress.normalize("Jos\u0065\u0301@example.com")).isEqualTo("jos\u00e9@example.com");
        assertThat(EmailAddress.normalize("\uff41da@example.com")).isEqualTo("ada@example.com"); // fullwidth a
    }

    @Test
    void patternRefusesControlAndInvisibleCharactersAndHeaderDelimiters() {
        for (String hostile : new String[] {
            "a\u0000b@example.com",
            "a\u0007b@example.com",
            "a\u007fb@example.com",
            "a\u202eb@example.com",
            "a\u200bb@example.com",
            "a\u0085b@example.com",
            "ab@exa\u0000mple.com",
            "ab@example.com\r\nBcc: x@evil.com",
            "a,b@example.com",
            "<a>@example.com",
            "a\"b@example.com",
            "ab@exam ple.com",
            "ab@-example.com",
            "ab@example.c0m",
            "ab@example..com",
            "a\u00a0b@example.com"
        }) {
            assertThat(hostile).doesNotMatch(EmailAddress.PATTERN);
        }
        assertThat("jos\u00e9@b\u00fccher.de").matches(EmailAddress.PATTERN);
        assertThat("ab@xn--bcher-kva.example").matches(EmailAddress.PATTERN);
        assertThat("o'brien@example.ie").matches(EmailAddress.PATTERN);
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
