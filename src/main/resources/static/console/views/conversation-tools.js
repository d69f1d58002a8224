// Tools of the conversation lists: searching what was written, and the CSV export of All conversations (admins).
import {api, explain} from '../api.js';
import {h} from '../dom.js';
import {t, transcriptTexts} from '../i18n.js';

/** A search field for message text; onChange(text) runs after a short pause in typing. */
export function messageSearch(onChange) {
    const input = h('input', {type: 'search', className: 'search search-text', placeholder: t('list.searchMessages'),
        maxLength: 200, attrs: {'aria-label': t('list.searchMessages')}});
    let timer;
    input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(() => onChange(input.value.trim()), 250);
    });
    return input;
}

/** The newest message that matched, on one line: who wrote it and the text around the match, the match marked. */
export function matchPreview(item, text) {
    const body = String((item.packet.payload && item.packet.payload.body) || '').replace(/\s+/g, ' ');
    const at = body.toLowerCase().indexOf(text.toLowerCase());
    const who = item.author.type === 'contact' ? '' : (item.author.name
        || transcriptTexts('author.' + item.author.type)) + ': ';
    if (at < 0) {
        return h('span', {className: 'conv-preview conv-match'}, who + body);
    }
    // a few words before the match, so the match itself stays visible in a narrow row
    let start = Math.max(0, at - 16);
    const space = body.indexOf(' ', start);
    if (start > 0 && space >= 0 && space < at) {
        start = space + 1;
    }
    return h('span', {className: 'conv-preview conv-match'}, who, start > 0 ? '…' : '', body.slice(start, at),
        h('mark', {}, body.slice(at, at + text.length)), body.slice(at + text.length));
}

/** Downloads the conversations the list shows, with its filters (query() → URLSearchParams), as CSV. */
export function exportButton(query, error) {
    const button = h('button', {type: 'button', className: 'export', title: t('list.export.title'),
        onclick: async () => {
            button.disabled = true;
            try {
                const p = query();
                p.delete('limit');
                const csv = await api('GET', 'conversations.csv?' + p);
                const url = URL.createObjectURL(new Blob([csv], {type: 'text/csv;charset=utf-8'}));
                const link = h('a', {href: url, download: 'conversations-' + new Date().toISOString().slice(0, 10)
                    + '.csv', hidden: true});
                document.body.appendChild(link);
                link.click();
                link.remove();
                setTimeout(() => URL.revokeObjectURL(url), 10000);
                error.textContent = '';
            } catch (err) {
                error.textContent = explain(err);
            } finally {
                button.disabled = false;
            }
        }}, t('list.export'));
    return button;
}
