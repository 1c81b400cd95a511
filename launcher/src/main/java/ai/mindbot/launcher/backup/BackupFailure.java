package ai.mindbot.launcher.backup;

/** A backup or restore that cannot go on; the message tells the operator what happened and what to do. */
final class BackupFailure extends RuntimeException {

    BackupFailure(String message) {
        super(message);
    }

    BackupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
