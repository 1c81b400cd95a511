/**
 * The OpenAPI document every service serves at {@code /v3/api-docs} (springdoc): the shared
 * {@code Problem} schema for RFC 9457 answers, the bearer JWT scheme, 401/403 answers derived from
 * each endpoint's actual security rules, and each endpoint's own refusals named with
 * {@link ai.mindbot.common.apidocs.Refusal}. Swagger UI is on in development only.
 */
package ai.mindbot.common.apidocs;
