// One conversation: live transcript, actions (take, reply, forward, end), contact panel, notes and history.
import {api, explain} from '../api.js';
import {contactName, field, fill, h, notice, when} from '../dom.js';
import {cannedPicker} from './canned-picker.js';
import {addChannelPreview, channelBadge} from '../channel-preview.js';
import {t, transcriptTexts} from '../i18n.js';

const HISTORY = ['assignment', 'conversation_forwarded', 'conversation_ended'];

/** Internal entries the contact never sees, shown to operators as one quiet line each. */
const INTERNAL = {
    contact_update: p => t('internal.contactUpdate', {fields: Object.keys(p).map(k => k === 'custom_fields'
        ? Object.keys(p[k] || {}).join(', ') : k).join(', ')}),
    conversation_update: p => t('internal.conversationUpdate', {fields: Object.keys(p).join(', ')}),
    addon_dispatch: p => t('internal.addon', {type: p.type || ''}),
    email_dispatch: p => t(p.status ? 'internal.email.status' : 'internal.email',
        {recipient: (p.recipient && p.recipient.type) || t('internal.email.recipient'), status: p.status}),
    bot_unavailable: () => t('internal.botUnavailable'),
    bot_event_skipped: p => t('internal.botEventSkipped', {event: p.event || t('internal.event'),
        reason: p.reason || ''})
};

export function conversationView(ctx, id, container) {
    let conv = null;
    let transcript = null;
    const offs = [];
    let closed = false;
    let readTimer;
    fill(container, h('p', {className: 'placeholder'}, t('loading')));

    (async () => {
        try {
            conv = await api('GET', 'conversations/' + encodeURIComponent(id));
        } catch (err) {
            fill(container, h('p', {className: 'notice error'}, err.status === 404
                ? t('conversation.notFound') : explain(err)));
            return;
        }
        if (!closed) {
            render();
        }
    })();

    function render() {
        const header = h('div', {className: 'conv-header'});
        const actions = h('div', {className: 'actions'});
        const list = h('div', {className: 'prl-transcript transcript', attrs: {'aria-live': 'polite'}});
        transcript = new window.ParleyRender.Transcript(list, {viewer: 'operator', text: transcriptTexts});
        const notesList = h('ul', {className: 'notes'});
        const history = h('ol', {className: 'history'});
        const noteIds = new Set();
        const addNote = (noteId, author, body, at) => {
            if (noteIds.has(noteId)) {
                return;
            }
            noteIds.add(noteId);
            notesList.appendChild(h('li', {className: 'note'}, h('div', {className: 'note-meta'},
                (author && author.name) || (author && author.type ? transcriptTexts('author.' + author.type) : ''), ' · ',
                when(at)),
            h('div', {className: 'note-body'}, body)));
        };
        const addItem = item => {
            if (!transcript.add(item)) {
                return;
            }
            const p = item.packet.payload || {};
            const internal = INTERNAL[item.packet.name];
            const row = internal && list.querySelector(`.prl-item[data-seq="${item.seq}"]`);
            if (row) {
                row.classList.add('console-internal');
                const bubble = row.querySelector('.prl-bubble');
                if (bubble) {
                    bubble.textContent = internal(p);
                }
            }
            addChannelPreview(list, item, conv.channel);
            if (item.packet.name === 'note_create' && p.note_id) {
                addNote(p.note_id, item.author, p.body, item.at);
            }
            if (HISTORY.includes(item.packet.name)) {
                history.appendChild(h('li', {}, h('time', {}, when(item.at)), ' ',
                    window.ParleyRender.describe(item, transcriptTexts)));
            }
            list.scrollTop = list.scrollHeight;
        };
        conv.notes.forEach(n => addNote(n.id, n.author, n.body, n.created_at));
        conv.timeline.forEach(addItem);
        markRead();

        const text = h('textarea', {rows: 3, placeholder: t('reply.placeholder'), attrs: {'aria-label': t('reply.label')},
            maxLength: 5000});
        const picker = cannedPicker(text);
        const markdown = h('input', {type: 'checkbox', name: 'markdown'});
        const send = h('button', {type: 'submit', className: 'primary'}, t('reply.send'));
        const file = h('input', {type: 'file', name: 'file', hidden: true, onchange: async () => {
            if (!file.files.length) {
                return;
            }
            const data = new FormData();
            data.append('file', file.files[0]);
            attach.disabled = true;
            try {
                await api('POST', `conversations/${encodeURIComponent(id)}/media`, data);
                replyError.textContent = '';
            } catch (err) {
                replyError.textContent = explain(err);
            } finally {
                file.value = '';
                update();
            }
        }});
        const attach = h('button', {type: 'button', className: 'attach', title: t('reply.file'),
            attrs: {'aria-label': t('reply.file')}, onclick: () => file.click()}, t('reply.attach'));
        const replyError = notice();
        const composer = h('form', {className: 'composer', onsubmit: async e => {
            e.preventDefault();
            if (!text.value.trim()) {
                return;
            }
            send.disabled = true;
            try {
                await api('POST', `conversations/${encodeURIComponent(id)}/messages`,
                    {body: text.value, text_format: markdown.checked ? 'markdown_v1' : 'plain'});
                text.value = '';
                replyError.textContent = '';
            } catch (err) {
                replyError.textContent = explain(err);
            } finally {
                update();
            }
        }}, picker.popup, text, h('div', {className: 'composer-bar'}, h('label', {className: 'check'}, markdown, ' ', t('reply.markdown')),
            replyError, h('span', {className: 'composer-buttons'}, file, attach, send)));
        // The contact sees "typing…": said at most every 3 s while keys come, and stopped 4 s after the last one.
        let typingSent = 0;
        let typingStop;
        const typing = active => api('POST', `conversations/${encodeURIComponent(id)}/typing`, {active})
            .catch(() => {});
        text.addEventListener('input', () => {
            if (Date.now() - typingSent > 3000) {
                typingSent = Date.now();
                typing(true);
            }
            clearTimeout(typingStop);
            typingStop = setTimeout(() => {
                typingSent = 0;
                typing(false);
            }, 4000);
        });
        composer.addEventListener('submit', () => {
            clearTimeout(typingStop);
            typingSent = 0;
        });
        // Enter sends, as in every chat tool; Shift+Enter starts a new line.
        text.addEventListener('keydown', e => {
            if (picker.keydown(e)) {
                return;
            }
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                composer.requestSubmit();
            }
        });

        const noteText = h('textarea', {rows: 2, placeholder: t('note.placeholder'),
            attrs: {'aria-label': t('note.label')}, maxLength: 10000});
        const noteError = notice();
        const noteForm = h('form', {className: 'note-form', onsubmit: async e => {
            e.preventDefault();
            if (!noteText.value.trim()) {
                return;
            }
            try {
                await api('POST', `conversations/${encodeURIComponent(id)}/notes`, {body: noteText.value});
                noteText.value = '';
                noteError.textContent = '';
            } catch (err) {
                noteError.textContent = explain(err);
            }
        }}, noteText, noteError, h('button', {type: 'submit'}, t('note.add')));

        const contactPanel = h('div', {className: 'panel-section'});
        const actionError = notice();
        const side = h('aside', {className: 'side'}, contactPanel,
            h('div', {className: 'panel-section'}, h('h3', {}, t('notes')), notesList, noteForm),
            h('div', {className: 'panel-section'}, h('h3', {}, t('history')), history));
        fill(container, h('div', {className: 'conversation', dataset: {id}},
            h('div', {className: 'conv-main'}, header, actions, actionError, list, composer), side));

        function action(label, name, run) {
            return h('button', {dataset: {action: name}, onclick: async e => {
                e.target.disabled = true;
                actionError.textContent = '';
                try {
                    await run();
                } catch (err) {
                    actionError.textContent = explain(err);
                } finally {
                    update();
                }
            }}, label);
        }
        const take = action(t('action.take'), 'take', async () => {
            Object.assign(conv, await api('POST', `conversations/${encodeURIComponent(id)}/take`));
        });
        const forward = action(t('action.forward'), 'forward', () => forwardDialog(ctx, id, next => Object.assign(conv, next)));
        const end = action(t('action.end'), 'end', async () => {
            if (confirm(t('action.end.confirm'))) {
                await api('POST', `conversations/${encodeURIComponent(id)}/end`);
                conv.status = 'ended';
            }
        });
        actions.append(take, forward, end);

        function update() {
            const mine = conv.status === 'assigned' && conv.assignee && conv.assignee.type === 'operator'
                && conv.assignee.id === ctx.me.id;
            const open = conv.status !== 'ended';
            const mayHandle = open && (ctx.me.role === 'admin' || mine || conv.status === 'inbox');
            take.disabled = !mayHandle || mine;
            forward.disabled = !mayHandle;
            end.disabled = !mayHandle;
            for (const x of [text, send, markdown, attach]) {
                x.disabled = !mine;
            }
            text.placeholder = mine ? t('reply.placeholder') : open ? t('reply.takeFirst') : t('reply.ended');
            const who = conv.assignee ? (conv.assignee.id === ctx.me.id ? t('assignee.you')
                : t('assignee.' + conv.assignee.type, {id: conv.assignee.id})) : t('assignee.nobody');
            const c = conv.contact || {};
            fill(header, h('h2', {}, contactName(c)),
                h('span', {className: 'badge status-' + conv.status, dataset: {status: conv.status}},
                    t('conversation.status.' + conv.status)),
                channelBadge(conv.channel),
                h('span', {className: 'muted'}, ' ', t('assignee.assignedTo'), ' ', h('b', {className: 'assignee'}, who),
                    ' · ', t('assignee.group'), ' ', conv.group));
            fill(contactPanel, contactDetails(conv));
        }
        update();

        offs.push(ctx.stream.on('item', frame => {
            if (frame.conversation_id === id) {
                addItem(frame);
                markRead();
                if (frame.packet.name === 'contact_update' || frame.packet.name === 'registration'
                    || frame.packet.name === 'conversation_update') {
                    refreshDetails();
                }
            }
        }));
        offs.push(ctx.stream.on('typing', frame => {
            const mine = frame.author && frame.author.type === 'operator' && frame.author.id === ctx.me.id;
            if (frame.conversation_id === id && !mine) {
                transcript.typing(frame.active ? frame.author || {type: 'bot'} : null);
            }
        }));
        offs.push(ctx.stream.on('conversation', summary => {
            if (summary.id === id) {
                conv.status = summary.status;
                conv.assignee = summary.assignee;
                conv.group = summary.group;
                update();
            }
        }));
        ctx.stream.watch(id, () => transcript.lastSeq);

        /** What is on screen is read: moves the read mark (once the items of a burst are in) and says so. */
        function markRead() {
            clearTimeout(readTimer);
            readTimer = setTimeout(async () => {
                try {
                    await api('POST', `conversations/${encodeURIComponent(id)}/read`, {seq: transcript.lastSeq});
                    window.dispatchEvent(new CustomEvent('parley:read', {detail: {id}}));
                } catch (err) {
                    actionError.textContent = explain(err);
                }
            }, 300);
        }

        async function refreshDetails() {
            try {
                const fresh = await api('GET', 'conversations/' + encodeURIComponent(id));
                conv.contact = fresh.contact;
                conv.subject = fresh.subject;
                conv.topics = fresh.topics;
                conv.custom_fields = fresh.custom_fields;
                update();
            } catch (err) {
                actionError.textContent = explain(err);
            }
        }
    }

    return () => {
        closed = true;
        clearTimeout(readTimer);
        offs.forEach(off => off());
        ctx.stream.unwatch(id);
    };
}

function pairs(obj) {
    const entries = Object.entries(obj || {});
    if (entries.length === 0) {
        return h('p', {className: 'muted'}, t('none'));
    }
    return h('dl', {className: 'pairs'}, entries.map(([k, v]) => [h('dt', {}, k),
        h('dd', {}, typeof v === 'string' ? v : JSON.stringify(v))]));
}

/** Page tags as a small table: tag, its properties as key = value lines, and when the page last sent it. */
function pageTags(tags) {
    const names = Object.keys(tags || {});
    if (names.length === 0) {
        return h('p', {className: 'muted'}, t('none'));
    }
    const props = p => Object.entries(p || {}).map(([k, v]) => h('div', {},
        k + ' = ' + (typeof v === 'string' ? v : JSON.stringify(v))));
    return h('table', {className: 'page-tags'}, h('thead', {}, h('tr', {}, h('th', {}, t('tags.tag')),
        h('th', {}, t('tags.properties')), h('th', {}, t('tags.when')))),
    h('tbody', {}, names.map(name => h('tr', {}, h('td', {className: 'tag'}, name),
        h('td', {}, props(tags[name] && tags[name].properties)), h('td', {className: 'muted'},
            tags[name] && tags[name].at ? when(tags[name].at) : '')))));
}

function contactDetails(conv) {
    const c = conv.contact || {};
    return [h('h3', {}, t('contact')),
        h('dl', {className: 'pairs'}, [['name', c.name], ['email', c.email], ['mobile', c.mobile_number],
            ['locale', c.locale || conv.locale], ['customerId', c.external_customer_id]]
            .filter(([, v]) => v).map(([k, v]) => [h('dt', {}, t('contact.' + k)), h('dd', {}, v)])),
        h('h4', {}, t('contact.customFields')), pairs(c.custom_fields),
        h('h4', {}, t('contact.pageTags')), pageTags(c.page_tags),
        h('h3', {}, t('conversation')),
        h('dl', {className: 'pairs'}, [h('dt', {}, t('conversation.subject')), h('dd', {}, conv.subject || '—'),
            h('dt', {}, t('conversation.topics')), h('dd', {}, (conv.topics || []).join(', ') || '—'),
            h('dt', {}, t('conversation.started')), h('dd', {}, when(conv.created_at))]),
        h('h4', {}, t('conversation.fields')), pairs(conv.custom_fields)];
}

async function forwardDialog(ctx, id, done) {
    const targets = await api('GET', 'forward-targets');
    const select = h('select', {name: 'target', attrs: {'aria-label': t('forward.to.label')}},
        h('optgroup', {label: t('forward.groups')}, targets.groups.map(g => h('option', {value: 'group:' + g.id},
            t('forward.group', {name: g.name, online: g.online})))),
        h('optgroup', {label: t('forward.operators')}, targets.operators.map(o => h('option',
            {value: 'operator:' + o.id}, `${o.name} — ${t('presence.' + o.status)}`))));
    const error = notice();
    const dialog = h('dialog', {className: 'dialog'});
    const close = () => {
        dialog.close();
        dialog.remove();
    };
    return new Promise(resolve => {
        const form = h('form', {onsubmit: async e => {
            e.preventDefault();
            const [kind, target] = select.value.split(/:(.*)/s);
            try {
                done(await api('POST', `conversations/${encodeURIComponent(id)}/forward`,
                    kind === 'group' ? {group_id: target} : {operator_id: target}));
                close();
                resolve();
            } catch (err) {
                error.textContent = explain(err);
            }
        }}, h('h3', {}, t('forward.title')), field(t('forward.to'), select), error,
        h('div', {className: 'buttons'}, h('button', {type: 'button', onclick: () => {
            close();
            resolve();
        }}, t('cancel')), h('button', {type: 'submit', className: 'primary'}, t('forward.submit'))));
        dialog.appendChild(form);
        document.body.appendChild(dialog);
        dialog.showModal();
    });
}
