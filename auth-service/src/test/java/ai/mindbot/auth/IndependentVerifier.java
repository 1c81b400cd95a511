package ai.mindbot.auth;

import ai.mindbot.common.test.Http;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;

/**
 * Checks tokens with a library other than the one that signed them: access tokens (signed by Nimbus
 * in the service) with auth0 java-jwt, LiveKit tokens (signed by java-jwt inside the LiveKit SDK)
 * with Nimbus. Also forges the bad tokens the service must refuse.
 */
final class IndependentVerifier {

    private IndependentVerifier() {}

    /** Verifies signature (HS256, JWT_SECRET), issuer and expiry, and returns the claims. */
    static DecodedJWT accessToken(String token) {
        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(AuthServer.JWT_SECRET))
                .withIssuer("mindbot-auth")
                .build()
                .verify(token);
        if (!"HS256".equals(jwt.getAlgorithm())) {
            throw new AssertionError("access token alg is " + jwt.getAlgorithm());
        }
        return jwt;
    }

    /** Verifies a LiveKit token's HS256 signature with the LiveKit secret and returns its claims. */
    static JWTClaimsSet liveKitToken(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                throw new AssertionError(
                        "LiveKit token alg is " + jwt.getHeader().getAlgorithm());
            }
            if (!jwt.verify(new MACVerifier(AuthServer.LIVEKIT_SECRET.getBytes(StandardCharsets.UTF_8)))) {
                throw new AssertionError("LiveKit token signature does not verify with the LiveKit secret");
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("not a LiveKit JWT: " + token, e);
        }
    }

    /** An unsigned token ({@code alg: none}) carrying the given claims. */
    static String unsigned(Map<String, Object> claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(Http.json(claims).getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }
}
