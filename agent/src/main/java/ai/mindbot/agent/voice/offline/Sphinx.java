package ai.mindbot.agent.voice.offline;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The slice of the pocketsphinx 5prealpha C API (Debian {@code libpocketsphinx3}) and of sphinxbase
 * ({@code libsphinxbase3}) that streaming recognition needs. The sonames are pinned: the API changed
 * in pocketsphinx 5.0 ({@code ps_config_t}), and a newer library must fail to load, not misbehave.
 */
final class Sphinx {

    static final String POCKETSPHINX_SONAME = "libpocketsphinx.so.3";
    static final String SPHINXBASE_SONAME = "libsphinxbase.so.3";

    private Sphinx() {}

    interface PocketSphinx extends Library {
        /** The option definitions {@code cmd_ln_init} validates against. */
        Pointer ps_args();

        Pointer ps_init(Pointer config);

        int ps_free(Pointer decoder);

        int ps_start_utt(Pointer decoder);

        int ps_process_raw(Pointer decoder, short[] data, NativeLong samples, int noSearch, int fullUtterance);

        int ps_end_utt(Pointer decoder);

        String ps_get_hyp(Pointer decoder, IntByReference bestScore);

        /** Posterior probability of the hypothesis, in the decoder's log base (0 unless -bestpath). */
        int ps_get_prob(Pointer decoder);

        Pointer ps_get_logmath(Pointer decoder);

        /** Whether the decoder's own voice detector heard speech in the audio last processed. */
        byte ps_get_in_speech(Pointer decoder);
    }

    interface SphinxBase extends Library {
        /** Varargs: name, value, ..., null. */
        Pointer cmd_ln_init(Pointer inout, Pointer definitions, int strict, Object... nameValuePairs);

        int cmd_ln_free_r(Pointer config);

        double logmath_exp(Pointer logmath, int logValue);
    }

    /** Holder idiom: the libraries load on first use, and a failure says which package is missing. */
    static final class Libraries {
        static final SphinxBase BASE = Native.load(SPHINXBASE_SONAME, SphinxBase.class);
        static final PocketSphinx PS = Native.load(POCKETSPHINX_SONAME, PocketSphinx.class);

        private Libraries() {}
    }

    /** Whether both libraries load on this machine. */
    static boolean available() {
        try {
            return Libraries.PS != null && Libraries.BASE != null;
        } catch (
                LinkageError e) { // UnsatisfiedLinkError first, then ExceptionInInitializerError / NoClassDefFoundError
            return false;
        }
    }
}
