// livekit-client, served by this origin from /vendor (fetched from npm at build time, pinned by
// SHA-512; see auth-service/pom.xml). It is ~600 KB, so only the Talk page loads it, once.
const SRC = '/vendor/livekit-client/dist/livekit-client.umd.js';
let loading = null;

export function loadLiveKit() {
  loading ??= new Promise((resolve, reject) => {
    if (window.LivekitClient) {
      resolve(window.LivekitClient);
      return;
    }
    const script = document.createElement('script');
    script.src = SRC;
    script.id = 'livekit-client';
    script.onload = () => resolve(window.LivekitClient);
    script.onerror = () => {
      loading = null;
      reject(new Error('The call software could not be loaded. Reload the page to try again.'));
    };
    document.head.append(script);
  });
  return loading;
}
