package ai.mindbot.time.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mindbot.common.config.MisconfigurationException;
import ai.mindbot.common.web.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

    static TimePackage starter() {
        return new TimePackage("starter_1h", "Starter", 3600, 999, "usd", "1 hour");
    }

    @Test
    void findsPackagesByIdAndNamesTheKnownOnesForAnUnknownId() {
        Catalog catalog = new Catalog(new CatalogProperties(List.of(starter())));

        assertThat(catalog.require("starter_1h").seconds()).isEqualTo(3600);
        assertThatThrownBy(() -> catalog.require("nope"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.properties()).containsEntry("package_ids", List.of("starter_1h")));
    }

    @Test
    void refusesPackagesThatCouldNotBeSoldCorrectly() {
        assertThatThrownBy(() -> new TimePackage("Bad Id", "x", 60, 100, "usd", null))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> new TimePackage("free", "x", 60, 0, "usd", null))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("price_cents");
        assertThatThrownBy(() -> new TimePackage("empty", "x", 0, 100, "usd", null))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("seconds");
        assertThatThrownBy(() -> new TimePackage("dollars", "x", 60, 100, "USD", null))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("currency");
        assertThatThrownBy(() -> new CatalogProperties(List.of(starter(), starter())))
                .isInstanceOf(MisconfigurationException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new CatalogProperties(List.of())).isInstanceOf(MisconfigurationException.class);
    }
}
