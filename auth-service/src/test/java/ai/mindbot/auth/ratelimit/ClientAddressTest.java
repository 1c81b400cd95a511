package ai.mindbot.auth.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    @Test
    void withoutATrustedProxyThePeerAddressCounts() {
        assertThat(new ClientAddress(false).of(request("203.0.113.9", "1.2.3.4")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void behindATrustedProxyTheEntryItAppendedCounts() {
        ClientAddress address = new ClientAddress(true);
        assertThat(address.of(request("spoofed, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(address.of(request("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(address.of(request(" , "))).isEqualTo("198.51.100.1");
        assertThat(address.of(request((String) null))).isEqualTo("198.51.100.1");
    }

    private static MockHttpServletRequest request(String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("198.51.100.1");
        if (forwardedFor.length > 0 && forwardedFor[0] != null) {
            request.addHeader("X-Forwarded-For", String.join(",", forwardedFor));
        }
        return request;
    }
}
