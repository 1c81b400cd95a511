package ai.mindbot.time.catalog;

import ai.mindbot.common.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.PropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The packages on sale, in the configured order. */
@Component
@EnableConfigurationProperties(CatalogProperties.class)
@PropertySource("classpath:time-catalog.properties")
public class Catalog {

    private final List<TimePackage> packages;

    Catalog(CatalogProperties properties) {
        this.packages = properties.packages();
    }

    public List<TimePackage> all() {
        return packages;
    }

    public Optional<TimePackage> find(String id) {
        return packages.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The package, or a 404 problem naming the ids that exist. */
    public TimePackage require(String id) {
        return find(id).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND,
                "unknown_package",
                "there is no time package '" + id + "'; see GET /time/pricing",
                Map.of("package_ids", packages.stream().map(TimePackage::id).toList())));
    }
}
