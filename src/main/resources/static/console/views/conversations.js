// Inbox, My conversations and All conversations: filtered lists, newest first, kept current by the stream.
import {api, explain} from '../api.js';
import {contactName, fill, h, notice, when} from '../dom.js';
import {conversationView} from './conversation.js';
import {channelBadge, channelName, CHANNEL_TYPES} from '../channel-preview.js';
import {exportButton, matchPreview, messageSearch} from './conversation-tools.js';
import {t, transcriptTexts} from '../i18n.js';

const title = list => t('nav.' + list);

export function conversationsPage(ctx, list, selectedId) {
    const filters = {q: '', text: '', status: '', channel: '', from: '', to: ''};
    const rows = h('ul', {className: 'conv-list', attrs: {'aria-label': title(list)}});
    const error = notice();
    const more = h('button', {className: 'more', hidden: true, onclick: () => load(false)}, t('list.older'));
    const entries = new Map(); // id → summary
    let cursor = null;
    let generation = 0;

    const detail = h('div', {className: 'detail-body'});
    const pane = h('div', {className: 'list-pane'}, h('h2', {}, title(list)), filterBar(), error, rows, more);
    fill(ctx.main, h('div', {className: 'split' + (selectedId ? ' has-selection' : '')}, pane,
        h('div', {className: 'detail'}, h('a', {className: 'back', href: '#/' + list}, '← ' + title(list)), detail)));

    function filterBar() {
        const search = h('input', {type: 'search', placeholder: t('list.search.placeholder'), className: 'search',
            attrs: {'aria-label': t('list.search')}});
        let timer;
        search.addEventListener('input', () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
                filters.q = search.value.trim();
                load(true);
            }, 250);
        });
        const text = messageSearch(value => {
            filters.text = value;
            load(true);
        });
        if (list !== 'all') {
            return h('div', {className: 'filters'}, search, text);
        }
        const select = (name, label, values, shown) => h('select', {attrs: {'aria-label':
            label}, onchange: e => {
            filters[name] = e.target.value;
            load(true);
        }}, h('option', {value: ''}, label), values.map(v => h('option', {value: v}, shown(v))));
        const statuses = ['inbox', 'assigned', 'ended'].concat(ctx.me.role === 'admin' ? ['bot'] : []);
        const day = (name, label) => h('input', {type: 'date', attrs: {'aria-label': label}, onchange: e => {
            filters[name] = e.target.value;
            load(true);
        }});
        return h('div', {className: 'filters'}, search, text,
            select('status', t('list.anyStatus'), statuses, s => t('conversation.status.' + s)),
            select('channel', t('list.anyChannel'), CHANNEL_TYPES, channelName), h('span', {className: 'dates'},
                day('from', t('list.fromDay')), '–', day('to', t('list.toDay'))),
            ctx.me.role === 'admin' ? exportButton(query, error) : null);
    }

    function query() {
        const p = new URLSearchParams();
        if (list === 'inbox') {
            p.set('status', 'inbox');
        } else if (list === 'mine') {
            p.set('assignee', 'me');
            p.set('status', 'assigned');
        } else {
            for (const k of ['status', 'channel', 'from', 'to']) {
                if (filters[k]) {
                    p.set(k, filters[k]);
                }
            }
        }
        if (filters.q) {
            p.set('q', filters.q);
        }
        if (filters.text) {
            p.set('text', filters.text);
        }
        p.set('limit', '30');
        return p;
    }

    function matches(c, live) {
        if (filters.text && live && !entries.has(c.id)) {
            return false; // what was written is searched by the server; a message search lists what it found
        }
        if (list === 'inbox' && c.status !== 'inbox') {
            return false;
        }
        if (list === 'mine' && !(c.status === 'assigned' && c.assignee && c.assignee.type === 'operator'
            && c.assignee.id === ctx.me.id)) {
            return false;
        }
        if (list === 'all') {
            if (filters.status ? c.status !== filters.status : c.status === 'bot' && ctx.me.role !== 'admin') {
                return false;
            }
            if (filters.channel && c.channel !== filters.channel) {
                return false;
            }
            const day = c.created_at.slice(0, 10);
            if (filters.from && day < filters.from || filters.to && day > filters.to) {
                return false;
            }
        }
        if (filters.q) {
            const q = filters.q.toLowerCase();
            const hay = [contactName(c.contact), (c.contact && c.contact.email) || ''].join(' ')
                .toLowerCase();
            if (!hay.includes(q) && c.id !== filters.q) {
                return false;
            }
        }
        return true;
    }

    async function load(reset) {
        const mine = ++generation;
        const p = query();
        if (!reset && cursor) {
            p.set('cursor', cursor);
        }
        try {
            const page = await api('GET', 'conversations?' + p);
            if (mine !== generation) {
                return;
            }
            if (reset) {
                entries.clear();
                rows.textContent = '';
            }
            error.textContent = '';
            page.items.forEach(c => put(c, false));
            cursor = page.next_cursor;
            more.hidden = !cursor;
            if (entries.size === 0) {
                rows.appendChild(emptyRow());
            }
        } catch (err) {
            error.textContent = explain(err);
        }
    }

    function emptyRow() {
        return h('li', {className: 'empty'}, filters.text ? t('list.empty.text', {text: filters.text})
            : list === 'inbox' ? t('list.empty.inbox') : t('list.empty'));
    }

    function put(c, live) {
        if (c.id === selectedId) {
            c.unread = 0; // the open conversation is read as it comes
        }
        const known = entries.get(c.id);
        if (known && known.last_seq > c.last_seq) {
            return;
        }
        if (known && known.match && !c.match) {
            c.match = known.match;
        }
        const old = rows.querySelector(`li[data-id="${CSS.escape(c.id)}"]`);
        if (!matches(c, live)) {
            if (old) {
                old.remove();
                entries.delete(c.id);
                if (entries.size === 0) {
                    rows.appendChild(emptyRow());
                }
            }
            return;
        }
        if (!known && live && cursor && entries.size > 0) {
            const oldest = [...entries.values()].reduce((a, b) => a.created_at < b.created_at ? a : b);
            if (c.created_at < oldest.created_at) {
                return; // older than the loaded page; "Load older" brings it
            }
        }
        entries.set(c.id, c);
        const row = renderRow(c);
        const empty = rows.querySelector('.empty');
        if (empty) {
            empty.remove();
        }
        if (old) {
            old.replaceWith(row);
            return;
        }
        const after = [...rows.children].find(r => {
            const other = entries.get(r.dataset.id);
            return other && (other.created_at < c.created_at || other.created_at === c.created_at && other.id < c.id);
        });
        rows.insertBefore(row, after || null);
    }

    function renderRow(c) {
        const name = contactName(c.contact);
        const assignee = c.assignee ? (c.assignee.id === ctx.me.id ? t('list.me') : c.assignee.id) : '';
        return h('li', {className: 'conv-row' + (c.id === selectedId ? ' selected' : '') + (c.unread ? ' unread' : ''),
            dataset: {id: c.id, status: c.status}},
        h('a', {href: '#/' + list + '/' + encodeURIComponent(c.id)},
            h('span', {className: 'conv-name'}, name, c.unread ? h('span', {className: 'unread-count',
                title: t.plural('list.unread', c.unread)}, String(c.unread)) : null),
            h('span', {className: 'badge status-' + c.status}, t('conversation.status.' + c.status)),
            h('span', {className: 'conv-channel'}, channelBadge(c.channel), h('span', {className: 'conv-sub'},
                (c.contact && c.contact.email) || '', (c.contact && c.contact.email) ? ' · ' : '',
                assignee ? assignee + ' · ' : '', c.group)),
            h('time', {className: 'conv-time', dateTime: c.last_activity_at}, when(c.last_activity_at)),
            filters.text && c.match ? matchPreview(c.match, filters.text) : preview(c.last_item), waiting(c)));
    }

    /** The last thing the contact saw or wrote, on one line. */
    function preview(item) {
        if (!item) {
            return null;
        }
        const who = item.author.type === 'contact' ? '' : (item.author.name
            || transcriptTexts('author.' + item.author.type)) + ': ';
        return h('span', {className: 'conv-preview'}, who + window.ParleyRender.describe(item, transcriptTexts));
    }

    /** How long a contact has been waiting: in the inbox, or since their message nobody answered yet. */
    function waiting(c) {
        const item = c.last_item;
        if (!item || !(c.status === 'inbox' || c.status === 'assigned' && item.author.type === 'contact')) {
            return null;
        }
        const minutes = Math.floor((Date.now() - new Date(item.at).getTime()) / 60000);
        const text = minutes < 1 ? t('list.waiting.now') : minutes < 60 ? t('list.waiting.minutes', {minutes})
            : t('list.waiting.hours', {hours: Math.floor(minutes / 60), minutes: minutes % 60});
        return h('span', {className: 'conv-wait' + (minutes >= 5 ? ' long' : ''), title: t('list.waiting.title')},
            text);
    }

    const offConversation = ctx.stream.on('conversation', c => put(c, true));
    load(true);
    let closeDetail = null;
    if (selectedId) {
        closeDetail = conversationView(ctx, selectedId, detail);
    } else {
        fill(detail, h('p', {className: 'placeholder'}, t('list.choose')));
    }
    return () => {
        offConversation();
        if (closeDetail) {
            closeDetail();
        }
    };
}
