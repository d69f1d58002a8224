// The composer's "/" shortcut: typing /word lists the matching canned responses; Enter or Tab inserts one.
import {api} from '../api.js';
import {h} from '../dom.js';
import {t} from '../i18n.js';

/** Wires the picker to a textarea; answers the popup element and a keydown handler to run before Enter sends. */
export function cannedPicker(textarea) {
    const popup = h('ul', {className: 'canned-picker', hidden: true, attrs: {role: 'listbox',
        'aria-label': t('nav.canned')}});
    let responses = null;
    let shown = [];
    let active = 0;

    /** The "/word" being typed at the caret, or null. */
    function token() {
        const before = textarea.value.slice(0, textarea.selectionStart);
        const m = before.match(/(^|\s)\/([a-z0-9_-]*)$/);
        return m ? {start: before.length - m[2].length - 1, word: m[2]} : null;
    }

    async function update() {
        const typed = token();
        if (!typed) {
            close();
            return;
        }
        if (responses === null) {
            responses = [];
            try {
                responses = (await api('GET', 'canned-responses')).items;
            } catch (err) {
                return; // without the list the composer simply works without shortcuts
            }
        }
        shown = responses.filter(r => r.shortcut.startsWith(typed.word)).slice(0, 8);
        active = 0;
        render();
    }

    function render() {
        popup.textContent = '';
        popup.hidden = shown.length === 0;
        shown.forEach((r, i) => popup.appendChild(h('li', {className: i === active ? 'active' : '',
            attrs: {role: 'option', 'aria-selected': i === active}, dataset: {shortcut: r.shortcut},
            onmousedown: e => {
                e.preventDefault();
                insert(r);
            }}, h('b', {}, '/' + r.shortcut), h('span', {}, r.body))));
    }

    function close() {
        shown = [];
        render();
    }

    function insert(r) {
        const typed = token();
        if (!typed) {
            return;
        }
        const end = textarea.selectionStart;
        textarea.value = textarea.value.slice(0, typed.start) + r.body + textarea.value.slice(end);
        const caret = typed.start + r.body.length;
        textarea.setSelectionRange(caret, caret);
        close();
        textarea.focus();
    }

    textarea.addEventListener('input', update);
    textarea.addEventListener('blur', () => setTimeout(close, 100));

    /** Handles the picker's keys; answers true when the key was the picker's. */
    function keydown(e) {
        if (popup.hidden) {
            return false;
        }
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            active = (active + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
            render();
        } else if (e.key === 'Enter' || e.key === 'Tab') {
            insert(shown[active]);
        } else if (e.key === 'Escape') {
            close();
        } else {
            return false;
        }
        e.preventDefault();
        return true;
    }

    return {popup, keydown};
}
