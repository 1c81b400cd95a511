package ai.mindbot.time.catalog;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /time/pricing}: public, so a shop page can show prices before anyone signs in. */
@RestController
class PricingController {

    record Pricing(List<TimePackage> packages) {}

    private final Catalog catalog;

    PricingController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/time/pricing")
    Pricing pricing() {
        return new Pricing(catalog.all());
    }
}
