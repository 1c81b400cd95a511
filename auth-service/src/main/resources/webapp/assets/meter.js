// The call's level meters: how loud MindBot (and the microphone) is, measured with WebAudio.
/** Above this RMS the track carries sound, not silence (decoded Opus silence is ~0). */
export const SOUND_RMS = 0.01;

/**
 * A WebAudio level meter on a track (also proof, for tests, that audio reaches the page).
 * onFirstSound(performance.now()), when given, is called once, the first time the track is louder
 * than SOUND_RMS; it is watched every 10 ms until then (the meter's 100 ms would blur latency
 * measurements by up to a tenth of a second), and the fast watch stops once it has fired.
 */
export function meter(track, element, onFirstSound) {
  try {
    const context = new AudioContext();
    const source = context.createMediaStreamSource(new MediaStream([track.mediaStreamTrack]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const level = () => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      return Math.sqrt(sum / samples.length);
    };
    let watch = onFirstSound ? setInterval(() => {
      if (level() <= SOUND_RMS) return;
      clearInterval(watch);
      watch = null;
      onFirstSound(performance.now());
    }, 10) : null;
    const timer = setInterval(() => {
      if (track.mediaStreamTrack.readyState === 'ended') {
        clearInterval(timer);
        clearInterval(watch);
        context.close();
        element.value = 0;
        return;
      }
      const rms = level();
      element.value = Math.min(1, rms * 4);
      element.dataset.peak = String(Math.max(Number(element.dataset.peak || 0), rms));
    }, 100);
    context.resume().catch(() => {});
  } catch {
    // no WebAudio: the meter stays at zero, the call works regardless
  }
}
