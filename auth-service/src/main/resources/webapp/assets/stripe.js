// Stripe mode only. Stripe.js must be loaded from js.stripe.com (Stripe's rule: never bundled or
// self-hosted), so this module adds its script tag on first use and nothing else ever loads it; in
// simulated mode the page's CSP does not even allow it. The card is collected by Stripe Elements
// in Stripe's iframe: the card number never touches MindBot. The time service creates and confirms
// the PaymentIntent with the PaymentMethod; if the bank wants 3-D Secure, the browser completes it
// with the client secret (handleNextAction) and the webhook credits the time.
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
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    busy(form, async () => {
      const { paymentMethod, error } = await stripe.createPaymentMethod({ type: 'card', card });
      if (error) {
        onError(error.message);
        return;
      }
      try {
        const answer = await api.post('/time/purchase', { package_id: pkg.id, payment_method_id: paymentMethod.id },
          { 'Idempotency-Key': key });
        key = idempotencyKey();
        if (answer.status === 'requires_action' && answer.client_secret) {
          const next = await stripe.handleNextAction({ clientSecret: answer.client_secret });
          if (next.error) {
            onError(`The payment was not confirmed: ${next.error.message} No time was added.`);
            return;
          }
        }
        await onAnswer(answer);
      } catch (err) {
        if (err instanceof ApiError && err.status > 0 && err.status < 500) key = idempotencyKey();
        onError(err.code === 'payment_declined'
          ? `Your card was declined: ${err.message} No time was added and nothing was charged.`
          : err.message);
      }
    });
  });
}
