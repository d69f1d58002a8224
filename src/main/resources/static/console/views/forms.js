// Small building blocks of the admin pages: inputs bound to an object, key–value rows, secrets shown once.
import {copy, field, h} from '../dom.js';
import {t} from '../i18n.js';

export const text = (value, props = {}) => h('input', {type: 'text', value: value ?? '', ...props});
export const number = (value, props = {}) => h('input', {type: 'number', value: value ?? '', ...props});
export const checkbox = checked => h('input', {type: 'checkbox', checked: !!checked});
export const select = (value, options, props = {}) => h('select', props, options.map(o => {
    const [v, label] = Array.isArray(o) ? o : [o, o];
    return h('option', {value: v, selected: v === value}, label);
}));

/** Comma-separated names ⇄ array. */
export const list = value => (value || []).join(', ');
export const parseList = raw => raw.split(',').map(s => s.trim()).filter(Boolean);

/** Rows of name/value inputs (webhook headers, service hours); `read()` answers the object. */
export function keyValues(obj, namePlaceholder, valuePlaceholder) {
    const rows = h('div', {className: 'kv'});
    const add = (k, v) => {
        const row = h('div', {className: 'kv-row'}, text(k, {placeholder: namePlaceholder, className: 'kv-key'}),
            text(v, {placeholder: valuePlaceholder, className: 'kv-value'}),
            h('button', {type: 'button', className: 'link', onclick: () => row.remove()}, t('remove')));
        rows.appendChild(row);
    };
    Object.entries(obj || {}).forEach(([k, v]) => add(k, v));
    const box = h('div', {}, rows, h('button', {type: 'button', className: 'link', onclick: () => add('', '')},
        '+ ' + t('add')));
    box.read = () => {
        const out = {};
        rows.querySelectorAll('.kv-row').forEach(r => {
            const k = r.querySelector('.kv-key').value.trim();
            if (k) {
                out[k] = r.querySelector('.kv-value').value;
            }
        });
        return out;
    };
    return box;
}

/** A read-only value with a copy button. */
export function copyable(label, value, name) {
    const input = h('input', {type: 'text', readOnly: true, value, className: 'copy-value', dataset: {copy: name}});
    const button = h('button', {type: 'button', dataset: {copyButton: name}, onclick: () => copy(input.value, button)},
        t('copy'));
    return field(label, h('span', {className: 'copy-row'}, input, button));
}

/** A secret the server shows this once. */
export function secretOnce(label, value, name) {
    return h('div', {className: 'secret-once', attrs: {role: 'alert'}},
        h('p', {className: 'warning'}, t('secret.once', {label})),
        copyable(label, value, name));
}
