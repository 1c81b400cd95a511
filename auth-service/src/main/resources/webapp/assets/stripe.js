// Stripe mode only. Stripe.js must be loaded from js.stripe.com (Stripe's rule: never bundled or
// self-hosted), so this module adds its script tag on first use and nothing else ever loads it; in
// simulated mode the page's CSP does not even allow it. Stripe's own card flow: the time service
// creates the PaymentIntent and answers its client secret (to this buyer only); Stripe.js confirms it
// with the card that Stripe Elements collects in Stripe's iframe (the number never touches MindBot),
// and runs 3-D Secure itself when the bank asks; Stripe's webhook credits the time.
import { ApiError, api, idempotencyKey } from './api.js';
import { busy, h } from './dom.js';
import { money } from './format.js';

const STRIPE_JS = 'https://js.stripe.com/v3/';
let stripePromise = null;

function loadStripe(publishableKey) {
  stripePromise ??= new Promise((resolve, reject) => {
    const script = h('script', { src: STRIPE_JS, id: 'stripe-js' });
    script.onload = () => (window.Stripe ? resolve(window.Stripe(publishableKey)) : reject(new Error('Stripe.js did not load')));
    script.onerror = () => {
      stripePromise = null;
      reject(new Error('The card form (Stripe) cannot be loaded. Check your connection and try again.'));
    };
    document.head.append(script);
  });
  return stripePromise;
}

export async function stripeCheckout(container, pkg, config, onAnswer, onError) {
  const mount = h('div', { id: 'card-element', class: 'card-element' });
  const form = h('form', { id: 'stripe-form' },
    h('label', { for: 'card-element' }, 'Card'), mount,
    h('button', { type: 'submit', id: 'stripe-pay' }, `Pay ${money(pkg.price_cents, pkg.currency)}`));
  container.append(form);
  let stripe;
  let card;
  try {
    stripe = await loadStripe(config.stripe_publishable_key);
    card = stripe.elements().create('card');
    card.mount(mount);
  } catch (e) {
    form.hidden = true; // no card field, no Pay button: only the explanation
    onError(e.message);
    return;
  }
  let key = idempotencyKey();
  let purchase = null; // this checkout's PaymentIntent: Pay again (another card, after a decline) reuses it
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(form, async () => {
      try {
        purchase ??= await api.post('/time/purchase', { package_id: pkg.id }, { 'Idempotency-Key': key });
      } catch (err) {
        if (err instanceof ApiError && err.status > 0 && err.status < 500) key = idempotencyKey();
        onError(err.message);
        return;
      }
      const { error } = await confirm(stripe, card, purchase);
      if (error) {
        purchase.status = 'requires_payment_method'; // where Stripe leaves an intent a card failed on
        onError(error.type === 'card_error'
          ? `Your card was declined: ${error.message} No time was added and nothing was charged. You can try another card.`
          : `The payment was not confirmed: ${error.message} No time was added.`);
        return;
      }
      form.hidden = true; // paid: this PaymentIntent is done; another card is another checkout
      await onAnswer(purchase);
    });
  });
}

/** Stripe.js's step for what the PaymentIntent waits for; nothing when it is settled or processing. */
async function confirm(stripe, card, purchase) {
  const clientSecret = purchase.client_secret;
  if (!clientSecret || purchase.status === 'processing') return {};
  if (purchase.status === 'requires_action') return stripe.handleNextAction({ clientSecret });
  return stripe.confirmCardPayment(clientSecret, { payment_method: { card } });
}
