// A stand-in for Stripe.js, served as https://js.stripe.com/v3/ to StripeModeIT's Chromium only (see
// StripeJsStandIn). Tests reach only loopback, so the real Stripe.js cannot load; this one records
// what the page hands to Stripe.js, with the same calls and answers. It confirms nothing anywhere:
// the test plays Stripe's part afterwards with the signed webhook Stripe would send.
(() => {
  const calls = [];
  // declineNext: the next confirmation answers as Stripe.js does for a declined card
  window.stripeStandIn = { calls, declineNext: false };
  window.Stripe = (publishableKey) => {
    calls.push({ call: 'Stripe', publishableKey });
    let cardElement = null;
    const settle = (clientSecret) => {
      if (window.stripeStandIn.declineNext) {
        window.stripeStandIn.declineNext = false;
        return { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' } };
      }
      return { paymentIntent: { id: clientSecret.split('_secret_')[0], object: 'payment_intent', status: 'succeeded' } };
    };
    return {
      elements: () => ({
        create(type) {
          calls.push({ call: 'elements.create', type });
          cardElement = {
            mount(target) {
              const field = document.createElement('p');
              field.id = 'stand-in-card';
              field.textContent = 'Card field (Stripe.js stand-in for the test)';
              target.append(field);
            },
          };
          return cardElement;
        },
      }),
      async confirmCardPayment(clientSecret, data) {
        calls.push({ call: 'confirmCardPayment', clientSecret, withTheCardElement: data?.payment_method?.card === cardElement });
        return settle(clientSecret);
      },
      async handleNextAction({ clientSecret }) {
        calls.push({ call: 'handleNextAction', clientSecret });
        return settle(clientSecret);
      },
    };
  };
})();
