// Small DOM helpers: every page builds its elements with these, so text is always set as text (never as HTML).

/** Creates an element: el('p', {class: 'notice'}, 'text', childElement). Attributes starting with "on" become listeners. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside an element. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export function formatMoney(amount) {
  if (amount === null || amount === undefined) return '—';
  return '£' + Number(amount).toLocaleString('en-GB', { maximumFractionDigits: 0 });
}

export function formatDate(isoDate) {
  if (!isoDate) return '—';
  return new Date(isoDate).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** Codes such as "SUPPORTED" or "SEMI_INDEPENDENT" as words an officer reads. */
export function words(code) {
  if (!code) return '';
  const text = String(code).replaceAll('_', ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A status line with a role so screen readers announce loading, empty and error states. */
export function statusLine(text, kind = 'notice') {
  return el('p', { class: kind, role: kind === 'error' ? 'alert' : 'status' }, text);
}
