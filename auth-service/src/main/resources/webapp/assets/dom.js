// Builds DOM nodes without innerHTML, so text from the API (names, notes, captions) is never markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const main = () => document.getElementById('main');
export const byId = (id) => document.getElementById(id);

/** A polite status message in the corner (read out by screen readers); empty clears it. */
let sayTimer = null;
export function say(message, kind = 'info') {
  clearTimeout(sayTimer);
  replace(byId('status'), message ? h('span', { class: 'msg ' + kind }, message) : '');
  if (message) sayTimer = setTimeout(() => replace(byId('status')), 8000);
}

/** A labelled input: the label's for= always matches the field's id. */
export function field(id, label, attrs = {}, hint) {
  const hintId = hint ? id + '-hint' : undefined;
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, name: id, 'aria-describedby': hintId, ...attrs }),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** An error slot tied to a form: role=alert reads it out as soon as it fills. */
export function errorSlot(id) {
  return h('p', { class: 'error', id, role: 'alert' });
}

/** Disables the form's button while the action runs, so a double click cannot buy twice. */
export async function busy(form, action) {
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    return await action();
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}
