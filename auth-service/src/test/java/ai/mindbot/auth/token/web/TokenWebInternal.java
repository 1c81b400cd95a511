package ai.mindbot.auth.token.web;

/**
 * Stands for an internal of the token module's HTTP side. Every production type in a sub-package is
 * package-private, so the compiler already refuses a reach into one; this public test type lets
 * {@code AuthModulesTest} prove that its own rule refuses it too.
 */
public final class TokenWebInternal {

    private TokenWebInternal() {}
}
