package ai.mindbot.common.apidocs;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A request that was never sent: a method and a path, enough for Spring Security's request
 * matchers to say which rule covers an endpoint. (Spring's MockHttpServletRequest lives in
 * spring-test, which a service must not ship.)
 */
final class ProbeRequest {

    private ProbeRequest() {}

    static HttpServletRequest of(String method, String path) {
        Map<String, Object> attributes = new HashMap<>();
        HttpServletMapping mapping = new DefaultServletMapping();
        return (HttpServletRequest) Proxy.newProxyInstance(
                ProbeRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI", "getServletPath" -> path;
                    case "getRequestURL" -> new StringBuffer("http://localhost").append(path);
                    case "getContextPath" -> "";
                    case "getScheme" -> "http";
                    case "getServerName" -> "localhost";
                    case "getServerPort" -> 80;
                    case "getDispatcherType" -> DispatcherType.REQUEST;
                    case "getHttpServletMapping" -> mapping;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
                    case "getHeaderNames", "getParameterNames", "getHeaders" -> Collections.emptyEnumeration();
                    case "getParameterMap" -> Map.of();
                    case "getIntHeader" -> -1;
                    case "getDateHeader" -> -1L;
                    case "toString" -> "probe " + method + " " + path;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> defaultFor(m.getReturnType());
                });
    }

    private static Object defaultFor(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    private static final class DefaultServletMapping implements HttpServletMapping {
        @Override
        public String getMatchValue() {
            return "";
        }

        @Override
        public String getPattern() {
            return "/";
        }

        @Override
        public String getServletName() {
            return "dispatcherServlet";
        }

        @Override
        public MappingMatch getMappingMatch() {
            return MappingMatch.DEFAULT;
        }
    }
}
