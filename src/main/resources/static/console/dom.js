// Builds DOM nodes. Text always goes in as text nodes; nothing here parses markup.
import {dateLocale, t} from './i18n.js';

/**
 * h('button', {className: 'x', onclick: fn, disabled: true, dataset: {id: 1}, attrs: {'aria-label': 'y'}}, 'Label', child)
 * and fill(node, ...children): the shared element helper (/static/shared/dom.js, loaded by index.html).
 */
export const h = window.ParleyDom.h;
export const fill = window.ParleyDom.fill;

/** A short local date and time of an ISO instant. */
export function when(iso) {
    const d = new Date(iso);
    if (isNaN(d.getTime())) {
        return '';
    }
    const today = new Date();
    const sameDay = d.toDateString() === today.toDateString();
    const locale = dateLocale();
    return sameDay ? d.toLocaleTimeString(locale, {hour: '2-digit', minute: '2-digit'})
        : d.toLocaleDateString(locale, {day: 'numeric', month: 'short'}) + ' '
        + d.toLocaleTimeString(locale, {hour: '2-digit', minute: '2-digit'});
}

/** Copies text to the clipboard; resolves to true when it worked. */
export async function copy(text, button) {
    let ok = false;
    try {
        await navigator.clipboard.writeText(text);
        ok = true;
    } catch (e) {
        ok = false;
    }
    if (button) {
        const label = button.textContent;
        button.textContent = ok ? t('copy.done') : t('copy.failed');
        setTimeout(() => { button.textContent = label; }, 1500);
    }
    return ok;
}

/** A labelled form field. */
export function field(label, input, hint) {
    return h('label', {className: 'field'}, h('span', {className: 'field-label'}, label), input,
        hint ? h('span', {className: 'field-hint'}, hint) : null);
}

/** A message line for errors or notices, empty until set. */
export function notice(kind) {
    return h('p', {className: 'notice ' + (kind || 'error'), attrs: {role: 'status'}});
}

/** A contact's name, or a stable readable one for an anonymous visitor ("Visitor 4F2A", from their id). */
export function contactName(contact) {
    const c = contact || {};
    return c.name || t('contact.visitor', {id: String(c.id || '').slice(-4).toUpperCase()});
}
