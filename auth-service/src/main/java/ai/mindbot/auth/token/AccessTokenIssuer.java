package ai.mindbot.auth.token;

import ai.mindbot.auth.account.AdminUsers;
import ai.mindbot.auth.account.UserAccount;
import ai.mindbot.common.config.MisconfigurationException;
import ai.mindbot.common.security.JwtSecret;
import ai.mindbot.common.security.JwtSettings;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs the access tokens every service accepts: HS256 with {@code JWT_SECRET}, {@code iss} from
 * {@link JwtSettings}, {@code sub} = the user id, {@code email}, {@code name}, {@code roles},
 * {@code iat}, {@code exp}, {@code jti}. Roles are decided now, from {@code ADMIN_USERS}.
 */
@Component
class AccessTokenIssuer {

    private final JwtEncoder encoder;
    private final JwtSettings jwt;
    private final TokenSettings settings;
    private final AdminUsers admins;
    private final Clock clock;

    AccessTokenIssuer(JwtSettings jwt, TokenSettings settings, AdminUsers admins, Clock clock) {
        if (jwt.secret().length < JwtSecret.MIN_BYTES) {
            // Nimbus refuses HS256 keys under 256 bits at signing time; say so at start instead.
            throw new MisconfigurationException("JWT_SECRET must be at least " + JwtSecret.MIN_BYTES
                    + " bytes for HS256; generate one with: openssl rand -base64 48");
        }
        // One key, so no "kid" (withSecretKey() would add a thumbprint of the secret, which helps nobody).
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(jwt.secret(), "HmacSHA256")));
        this.jwt = jwt;
        this.settings = settings;
        this.admins = admins;
        this.clock = clock;
    }

    public IssuedToken forUser(UserAccount account) {
        return sign(
                claims(account.subject(), settings.accessTtl())
                        .claim("email", account.email())
                        .claim("name", account.fullName())
                        .claim("roles", admins.rolesOf(account))
                        .build(),
                settings.accessTtl());
    }

    /** For a service ({@code sub} like {@code service:agent}): its roles only, no email or name. */
    public IssuedToken forService(String subject, List<String> roles) {
        return sign(claims(subject, settings.serviceTtl()).claim("roles", roles).build(), settings.serviceTtl());
    }

    private JwtClaimsSet.Builder claims(String subject, Duration ttl) {
        Instant now = clock.instant();
        return JwtClaimsSet.builder()
                .issuer(jwt.issuer())
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString());
    }

    private IssuedToken sign(JwtClaimsSet claims, Duration ttl) {
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, ttl.toSeconds());
    }
}
