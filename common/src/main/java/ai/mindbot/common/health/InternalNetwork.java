package ai.mindbot.common.health;

import ai.mindbot.common.config.MisconfigurationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The addresses that count as this deployment's own network: loopback always, and the CIDR ranges
 * in {@code INTERNAL_NETWORKS} (for example the monitoring hosts or the containers' network).
 *
 * <p>A request is internal only if every address it came through is: the connection's peer and each
 * address a proxy forwarded ({@code X-Forwarded-For}, {@code X-Real-IP}). So a proxy on the same
 * machine does not make the whole internet internal (the client's address it appends is checked
 * too), and a client cannot claim to be internal by sending those headers itself (its real address
 * is still the peer, or is appended after its claim). A request naming its hops in the RFC 7239
 * {@code Forwarded} header, which nothing in front of MindBot sends, is never internal.
 */
public final class InternalNetwork {

    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");
    /** An IP literal: checked before parsing, so a host name is never looked up in DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> ranges;

    private InternalNetwork(List<IpAddressMatcher> ranges) {
        this.ranges = ranges;
    }

    /** Loopback plus {@code configured}: comma-separated CIDR ranges or single addresses. */
    public static InternalNetwork of(String configured) {
        List<String> all = new ArrayList<>(LOOPBACK);
        if (configured != null) {
            Arrays.stream(configured.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .forEach(all::add);
        }
        List<IpAddressMatcher> ranges = new ArrayList<>();
        for (String range : all) {
            if (!IP_LITERAL.matcher(range.split("/", 2)[0]).matches()) {
                throw new MisconfigurationException(
                        "INTERNAL_NETWORKS must list IP ranges such as 10.0.0.0/8, not \"" + range + "\"");
            }
            try {
                ranges.add(new IpAddressMatcher(range));
            } catch (IllegalArgumentException e) {
                throw new MisconfigurationException(
                        "INTERNAL_NETWORKS has an invalid range \"" + range + "\": " + e.getMessage());
            }
        }
        return new InternalNetwork(List.copyOf(ranges));
    }

    public boolean contains(HttpServletRequest request) {
        if (request.getHeader("Forwarded") != null) {
            return false;
        }
        List<String> hops = new ArrayList<>();
        hops.add(request.getRemoteAddr());
        for (String header : List.of("X-Forwarded-For", "X-Real-IP")) {
            for (String value : Collections.list(request.getHeaders(header))) {
                Arrays.stream(value.split(",")).map(String::strip).forEach(hops::add);
            }
        }
        return hops.stream().allMatch(this::isInternal);
    }

    private boolean isInternal(String address) {
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!IP_LITERAL.matcher(literal).matches()) {
            return false;
        }
        try {
            return ranges.stream().anyMatch(range -> range.matches(literal));
        } catch (IllegalArgumentException e) {
            return false; // not an address after all
        }
    }
}
