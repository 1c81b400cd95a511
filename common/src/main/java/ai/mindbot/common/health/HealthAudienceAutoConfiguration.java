package ai.mindbot.common.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@code /health} answers everyone its status; its components and details only to admins (Spring's
 * own {@code when-authorized} with role {@code admin}, in mindbot-defaults.properties) and, through
 * this, to the {@link InternalNetwork}.
 */
@AutoConfiguration
public class HealthAudienceAutoConfiguration {

    @Bean
    InternalNetwork internalNetwork(Environment environment) {
        return InternalNetwork.of(environment.getProperty("INTERNAL_NETWORKS", ""));
    }

    @Bean
    HealthEndpointGroupsPostProcessor detailsForTheInternalNetwork(InternalNetwork network) {
        return groups -> {
            Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
            groups.getNames().forEach(name -> named.put(name, new InternalOrAuthorized(groups.get(name), network)));
            return HealthEndpointGroups.of(new InternalOrAuthorized(groups.getPrimary(), network), named);
        };
    }

    /** A health group that also shows its components and details to requests from the internal network. */
    private record InternalOrAuthorized(HealthEndpointGroup configured, InternalNetwork network)
            implements HealthEndpointGroup {

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return configured.showComponents(securityContext) || fromInternalNetwork();
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return configured.showDetails(securityContext) || fromInternalNetwork();
        }

        /** The request being answered (Spring MVC holds it for this thread); none, as over JMX, is not internal. */
        private boolean fromInternalNetwork() {
            return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                    && network.contains(request.getRequest());
        }

        @Override
        public boolean isMember(String name) {
            return configured.isMember(name);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return configured.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return configured.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return configured.getAdditionalPath();
        }
    }
}
