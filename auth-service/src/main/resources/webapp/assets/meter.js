// The call's level meters: how loud MindBot (and the microphone) is, measured with WebAudio.
/** A WebAudio level meter on a track (also proof, for tests, that audio reaches the page). */
export function meter(track, element) {
  try {
    const context = new AudioContext();
    const source = context.createMediaStreamSource(new MediaStream([track.mediaStreamTrack]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      if (track.mediaStreamTrack.readyState === 'ended') {
        clearInterval(timer);
        context.close();
        element.value = 0;
        return;
      }
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const rms = Math.sqrt(sum / samples.length);
      element.value = Math.min(1, rms * 4);
      element.dataset.peak = String(Math.max(Number(element.dataset.peak || 0), rms));
    }, 100);
    context.resume().catch(() => {});
  } catch {
    // no WebAudio: the meter stays at zero, the call works regardless
  }
}
