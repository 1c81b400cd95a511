/**
 * Voice providers that need no account and no network, the default on a machine without keys: real
 * speech in and real speech out, at demo quality.
 *
 * <ul>
 *   <li>{@link ai.mindbot.agent.voice.offline.SileroVad}: Silero VAD 6.2.3 on ONNX Runtime, the model
 *       taken from its PyPI wheel by {@code scripts/install-voice}; {@link ai.mindbot.agent.voice.offline.EnergyVad}
 *       when the model is absent and in unit tests.</li>
 *   <li>{@link ai.mindbot.agent.voice.offline.PocketsphinxStt}: CMU pocketsphinx en-us (Debian
 *       {@code libpocketsphinx3}, {@code pocketsphinx-en-us}) through JNA. The only English recogniser
 *       with a model in a registry we reach; fine on clean speech, poor in noise.</li>
 *   <li>{@link ai.mindbot.agent.voice.offline.FliteTts} (Debian {@code flite}, voice slt) and
 *       {@link ai.mindbot.agent.voice.offline.FreeTts} (pure Java, kevin16), both 16 kHz.</li>
 * </ul>
 *
 * {@link ai.mindbot.agent.voice.offline.OfflineVoice} builds them from the environment and says in one
 * line what is missing. Measurements: {@code docs/benchmarks/offline-voice.md}.
 */
package ai.mindbot.agent.voice.offline;
