package ai.mindbot.time.catalog;

import ai.mindbot.common.config.MisconfigurationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The packages on sale, bound from {@code mindbot.time.catalog.packages[n].*} (defaults in
 * {@code time-catalog.properties}; environment variables such as
 * {@code MINDBOT_TIME_CATALOG_PACKAGES_0_PRICE_CENTS} override them).
 */
@ConfigurationProperties("mindbot.time.catalog")
record CatalogProperties(List<TimePackage> packages) {

    public CatalogProperties {
        if (packages == null || packages.isEmpty()) {
            throw new MisconfigurationException("mindbot.time.catalog.packages is empty: nothing could be sold");
        }
        Set<String> ids = new HashSet<>();
        for (TimePackage p : packages) {
            if (!ids.add(p.id())) {
                throw new MisconfigurationException("time package id '" + p.id() + "' is configured twice");
            }
        }
        packages = List.copyOf(packages);
    }
}
