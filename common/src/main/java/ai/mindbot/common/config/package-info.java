/** Configuration from the environment and {@code .env}, development versus production mode. */
package ai.mindbot.common.config;
