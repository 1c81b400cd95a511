package ai.mindbot.agent.mindbot.console;

/**
 * {@code ./mindbot agent console} arguments.
 *
 * @param email       sign in as this user (password prompted); null for a guest
 * @param textOnly    {@code --text}: do not look for a microphone and speaker
 * @param microphone  {@code --mic NAME}: part of the capture device's name; null for the default
 * @param speaker     {@code --speaker NAME}: part of the playback device's name; null for the default
 * @param listDevices {@code --devices}: list the sound devices and exit
 */
record ConsoleOptions(String email, boolean textOnly, String microphone, String speaker, boolean listDevices) {

    static final String USAGE = "usage: ./mindbot agent console [--email EMAIL | --guest] [--text] [--mic NAME] "
            + "[--speaker NAME] [--devices]";

    /** @throws IllegalArgumentException for anything else, with {@link #USAGE} to print */
    static ConsoleOptions parse(String[] args) {
        String email = null;
        boolean text = false;
        boolean devices = false;
        String mic = null;
        String speaker = null;
        for (int i = 0; i < args.length; i++) {
            boolean valueFollows = i + 1 < args.length;
            switch (args[i]) {
                case "--guest" -> {}
                case "--text" -> text = true;
                case "--devices" -> devices = true;
                case "--email" -> email = valueFollows ? args[++i] : fail();
                case "--mic" -> mic = valueFollows ? args[++i] : fail();
                case "--speaker" -> speaker = valueFollows ? args[++i] : fail();
                default -> fail();
            }
        }
        return new ConsoleOptions(email, text, mic, speaker, devices);
    }

    private static String fail() {
        throw new IllegalArgumentException(USAGE);
    }
}
