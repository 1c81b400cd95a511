package ai.mindbot.common.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.config.MisconfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class InternalNetworkTest {

    private final InternalNetwork loopbackOnly = InternalNetwork.of("");
    private final InternalNetwork withOffice = InternalNetwork.of("10.0.0.0/8, 2001:db8::/32");

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/health");
        request.setRemoteAddr(peer);
        for (String hop : forwardedFor) {
            request.addHeader("X-Forwarded-For", hop);
        }
        return request;
    }

    @Test
    void loopbackIsAlwaysInternal() {
        assertThat(loopbackOnly.contains(from("127.0.0.1"))).isTrue();
        assertThat(loopbackOnly.contains(from("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(loopbackOnly.contains(from("10.1.2.3"))).isFalse();
    }

    @Test
    void configuredRangesAreInternal() {
        assertThat(withOffice.contains(from("10.1.2.3"))).isTrue();
        assertThat(withOffice.contains(from("2001:db8::7"))).isTrue();
        assertThat(withOffice.contains(from("192.168.1.1"))).isFalse();
    }

    @Test
    void aProxyOnTheSameMachineDoesNotMakeItsClientsInternal() {
        assertThat(loopbackOnly.contains(from("127.0.0.1", "203.0.113.9"))).isFalse();
        assertThat(withOffice.contains(from("127.0.0.1", "10.0.0.5"))).isTrue();
    }

    @Test
    void aClientCannotClaimAnInternalAddress() {
        // what it wrote comes first; the proxy appends the address it really came from
        assertThat(loopbackOnly.contains(from("127.0.0.1", "127.0.0.1, 203.0.113.9")))
                .isFalse();
        assertThat(loopbackOnly.contains(from("203.0.113.9", "127.0.0.1"))).isFalse();
        MockHttpServletRequest realIp = from("127.0.0.1");
        realIp.addHeader("X-Real-IP", "203.0.113.9");
        assertThat(loopbackOnly.contains(realIp)).isFalse();
    }

    @Test
    void unreadableOrUnknownHopsAreNotInternal() {
        assertThat(loopbackOnly.contains(from("127.0.0.1", "localhost"))).isFalse();
        assertThat(loopbackOnly.contains(from("127.0.0.1", "unknown"))).isFalse();
        MockHttpServletRequest forwarded = from("127.0.0.1");
        forwarded.addHeader("Forwarded", "for=127.0.0.1");
        assertThat(loopbackOnly.contains(forwarded)).isFalse();
    }

    @Test
    void refusesRangesThatAreNotAddresses() {
        assertThatThrownBy(() -> InternalNetwork.of("intranet.example.com"))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("INTERNAL_NETWORKS");
        assertThatThrownBy(() -> InternalNetwork.of("10.0.0.0/99"))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("10.0.0.0/99");
    }
}
