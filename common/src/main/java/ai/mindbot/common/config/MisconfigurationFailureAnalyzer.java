package ai.mindbot.common.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A service refused to start because of its settings: say so in one message, not a stack trace. */
public class MisconfigurationFailureAnalyzer extends AbstractFailureAnalyzer<MisconfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MisconfigurationException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the setting named above (environment variable or .env; see env.example and README.md) and start again.",
                cause);
    }
}
