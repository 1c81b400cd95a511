// Buying time cards: the packages from /time/pricing as cards, then checkout. Simulated mode offers
// the payment simulator's Stripe test cards, clearly marked; Stripe mode collects the card with
// Stripe Elements (see ../stripe.js). The same checkout runs on its page and, mid-call, in a dialog.
import { ApiError, api, appConfig, balance, idempotencyKey } from '../api.js';
import { busy, byId, h, main, replace, say } from '../dom.js';
import { duration, money } from '../format.js';
import { stripeCheckout } from '../stripe.js';

/** The simulator's test payment methods (docs/payments.md), each saying what it will do. */
const TEST_CARDS = [
  ['pm_card_visa', 'Visa: the payment succeeds'],
  ['pm_card_mastercard', 'Mastercard: the payment succeeds'],
  ['pm_card_chargeDeclined', 'Declined card'],
  ['pm_card_insufficientFunds', 'Declined: insufficient funds'],
  ['pm_card_chargeDeclinedExpiredCard', 'Declined: expired card'],
  ['pm_card_authenticationRequired', 'Needs 3-D Secure (completed by a signed webhook in simulated mode)'],
];

export async function buyView() {
  replace(main(), h('h1', {}, 'Buy time'), await checkout('page'));
}

/** Opens the checkout over whatever is on screen (a live call stays connected underneath). */
export async function openBuyDialog() {
  const dialog = byId('buy-dialog');
  replace(byId('buy-dialog-body'), h('p', { class: 'muted' }, 'Loading…'));
  if (!dialog.open) dialog.showModal();
  byId('buy-dialog-close').onclick = () => dialog.close();
  try {
    replace(byId('buy-dialog-body'), await checkout('dialog'));
  } catch (e) {
    replace(byId('buy-dialog-body'), h('p', { class: 'error' }, e.message));
  }
}

async function checkout(where) {
  const [pricing, config] = await Promise.all([api.open('GET', '/time/pricing'), appConfig()]);
  const packages = pricing.packages ?? pricing;
  const result = h('div', { id: `${where}-purchase-result`, class: 'result', role: 'alert' });
  const pay = h('section', { class: 'card checkout', id: `${where}-checkout`, hidden: true });
  const cards = h('ul', { class: 'packages', role: 'list' }, packages.map((p) => h('li', { class: 'package card' },
    h('h2', {}, p.name),
    h('p', { class: 'amount' }, duration(p.seconds)),
    h('p', { class: 'price' }, money(p.price_cents, p.currency)),
    h('p', { class: 'muted' }, p.description),
    h('button', {
      type: 'button', id: `${where}-choose-${p.id}`, 'aria-controls': pay.id,
      onclick: () => choose(p),
    }, `Buy ${p.name}`))));

  async function choose(p) {
    result.textContent = '';
    pay.hidden = false;
    if (config.payments === 'stripe') {
      replace(pay, h('h2', {}, `${p.name}: ${duration(p.seconds)} for ${money(p.price_cents, p.currency)}`));
      await stripeCheckout(pay, p, config, (answer) => report(answer, p), (message) => fail(message));
    } else {
      replace(pay, simulatedForm(p));
    }
    pay.querySelector('input, button')?.focus();
  }

  function simulatedForm(p) {
    const key = idempotencyKey(); // one attempt = one key; pressing Pay again after a network error is safe
    const form = h('form', { id: `${where}-simulated-form` },
      h('h2', {}, `${p.name}: ${duration(p.seconds)} for ${money(p.price_cents, p.currency)}`),
      h('p', { class: 'banner info', id: `${where}-simulated-note` },
        h('strong', {}, 'Simulated payments. '), 'No card is charged and no money moves: this MindBot runs without Stripe keys. ',
        'Pick one of Stripe\'s test cards to see what each outcome looks like.'),
      h('fieldset', {},
        h('legend', {}, 'Test payment method'),
        TEST_CARDS.map(([id, label], i) => h('div', { class: 'radio' },
          h('input', { type: 'radio', name: 'pm', id: `${where}-${id}`, value: id, checked: i === 0 }),
          h('label', { for: `${where}-${id}` }, label, ' ', h('code', {}, id))))),
      h('button', { type: 'submit', id: `${where}-pay` }, `Pay ${money(p.price_cents, p.currency)} (simulated)`));
    let attemptKey = key;
    let lastMethod = null;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const method = form.elements.pm.value;
      if (lastMethod && lastMethod !== method) attemptKey = idempotencyKey(); // another card is another attempt
      lastMethod = method;
      busy(form, async () => {
        result.textContent = '';
        say('');
        try {
          const answer = await api.post('/time/purchase', { package_id: p.id, payment_method_id: method },
            { 'Idempotency-Key': attemptKey });
          attemptKey = idempotencyKey();
          await report(answer, p);
        } catch (err) {
          if (!(err instanceof ApiError) || err.status === 0 || err.status >= 500) {
            fail(`${err.message} Pressing Pay again is safe: you will not be charged twice.`);
          } else {
            attemptKey = idempotencyKey();
            fail(declineText(err));
          }
        }
      });
    });
    return form;
  }

  async function report(answer, p) {
    requestAnimationFrame(() => result.scrollIntoView({ block: 'nearest' }));
    if (answer.status === 'succeeded') {
      await credited(answer, p);
    } else {
      result.className = 'result info';
      result.textContent = answer.status === 'requires_action'
        ? 'Your bank wants to confirm this payment (3-D Secure). The time is added as soon as the payment is confirmed.'
        : 'Your payment is processing. The time is added as soon as it succeeds.';
      waitForCredit(answer, p);
    }
  }

  async function credited(answer, p) {
    const b = await balance();
    result.className = 'result good';
    result.textContent = `Done: ${duration(answer.seconds_credited ?? p.seconds)} added. Your balance is ${duration(b.available_seconds)}.`;
    say(`${p.name} added to your balance.`);
  }

  /** The time is credited when the payment's webhook lands: watch the purchase for a minute, then stop. */
  async function waitForCredit(answer, p) {
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 2000));
      let now;
      try {
        now = await api.get(`/time/purchases/${encodeURIComponent(answer.purchase_id)}`);
      } catch {
        continue; // a network blip; the next look may work
      }
      if (now.status === 'succeeded') {
        await credited(now, p);
        return;
      }
      if (now.status === 'failed') {
        fail('The payment failed. No time was added.');
        return;
      }
    }
  }

  function fail(message) {
    result.className = 'result error';
    result.textContent = message;
    requestAnimationFrame(() => result.scrollIntoView({ block: 'nearest' }));
  }

  return h('div', { class: 'buy' },
    config.payments === 'simulated'
      ? h('p', { class: 'banner info', id: `${where}-mode` }, h('strong', {}, 'Test mode: '), 'payments are simulated, nothing is charged.')
      : null,
    cards, pay, result);
}

function declineText(err) {
  if (err.code === 'payment_declined') {
    return `Payment declined: ${err.message.replace(/\.?$/, '.')} (${err.problem.decline_code ?? 'declined'}) No time was added and nothing was charged.`;
  }
  if (err.code === 'account_disabled') return 'This account cannot buy time right now. Please contact support.';
  return err.message;
}
