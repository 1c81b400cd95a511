// Display formats. Amounts arrive as integer cents and seconds; they are only formatted here.
export function money(cents, currency = 'usd') {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${symbol(currency)}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

function symbol(currency) {
  return { usd: '$', eur: '€', gbp: '£' }[String(currency).toLowerCase()] || String(currency).toUpperCase() + ' ';
}

export function duration(seconds) {
  const sign = seconds < 0 ? '-' : '';
  let s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h) return m ? `${sign}${h} h ${m} min` : `${sign}${h} h`;
  if (m) return s ? `${sign}${m} min ${s} s` : `${sign}${m} min`;
  return `${sign}${s} s`;
}

export function when(millis) {
  if (millis === null || millis === undefined || millis === 0) return '—';
  const d = new Date(millis);
  return d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

export function count(n) {
  return Number(n).toLocaleString('en-US');
}

/** Short durations for chart axes: "45 min", "2.5 h". */
export function shortDuration(seconds) {
  if (seconds >= 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${Math.round(seconds / 60)} min`;
}
