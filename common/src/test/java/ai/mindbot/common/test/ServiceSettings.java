package ai.mindbot.common.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * Properties, as {@code KEY=value}, that the service an {@link OnBothDatabases} test class runs
 * against is started with, over its harness's defaults.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServiceSettings {

    String[] value();

    /** The settings a test class declares; none when it declares none. */
    final class Read {

        private Read() {}

        public static Map<String, String> of(Class<?> testClass) {
            Map<String, String> properties = new HashMap<>();
            ServiceSettings settings = testClass.getAnnotation(ServiceSettings.class);
            if (settings != null) {
                for (String property : settings.value()) {
                    int equals = property.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("not KEY=value: " + property);
                    }
                    properties.put(property.substring(0, equals), property.substring(equals + 1));
                }
            }
            return properties;
        }
    }
}
