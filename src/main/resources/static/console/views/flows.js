// Flows (admins): the flows with their validation state, each flow's diagram, and a test chat as a contact.
import {api, ApiError, explain, session} from '../api.js';
import {fill, h, notice} from '../dom.js';
import {intentsPanel} from './flow-intents.js';
import {addChannelPreview} from '../channel-preview.js';
import {t, transcriptTexts} from '../i18n.js';

export function flowsPage(ctx, params) {
    const listBox = h('div', {className: 'flow-list'});
    const detail = h('div', {className: 'flow-detail'});
    const error = notice();
    const cleanups = [];
    fill(ctx.main, h('div', {className: 'admin'}, h('h2', {}, t('nav.flows')), error,
        h('div', {className: 'split flows'}, listBox, detail)));

    (async () => {
        let flows;
        try {
            flows = (await api('GET', 'flows')).flows || [];
        } catch (err) {
            fill(listBox, h('p', {className: 'placeholder'}, err.status === 404
                ? t('flows.unavailable') : explain(err)));
            return;
        }
        if (flows.length === 0) {
            fill(listBox, h('p', {className: 'placeholder'}, t('flows.empty')));
            return;
        }
        fill(listBox, h('ul', {className: 'flows'}, flows.map(f => h('li', {dataset: {id: f.id},
            className: params[0] === f.id ? 'selected' : ''},
        h('a', {href: '#/flows/' + encodeURIComponent(f.id)}, h('span', {className: 'flow-name'}, f.name || f.id),
            h('span', {className: 'badge ' + (f.valid ? 'valid' : 'invalid')}, f.valid ? t('flows.valid') : t('flows.invalid')),
            h('span', {className: 'muted'}, f.file, (f.bots || []).length ? ' · ' + t('flows.bots', {bots: f.bots.join(', ')})
                : ''))))));
        const chosen = flows.find(f => f.id === params[0]);
        if (chosen) {
            showFlow(chosen);
        } else {
            fill(detail, h('p', {className: 'placeholder'}, t('flows.choose')));
        }
    })();

    async function showFlow(flow) {
        const diagram = h('div', {className: 'diagram'}, t('flows.diagram.loading'));
        const chat = h('div', {className: 'test-chat'});
        fill(detail, h('h3', {}, flow.name || flow.id),
            flow.valid ? null : h('div', {className: 'problems'}, h('h4', {}, t('flows.problems')),
                h('ul', {}, (flow.problems || []).map(p => h('li', {}, h('code', {}, `${p.file}:${p.line}`), ' ',
                    p.message)))),
            diagram,
            intentsPanel(flow),
            h('div', {className: 'buttons'}, h('button', {className: 'primary', disabled: !flow.valid,
                onclick: () => startChat(flow, chat)}, t('flows.testChat.start'))),
            chat);
        try {
            const res = await fetch(`/api/v1/flows/${encodeURIComponent(flow.id)}/graph.svg`,
                {headers: {Authorization: 'Bearer ' + session().token}});
            if (!res.ok) {
                throw new ApiError(res.status, 'http_' + res.status, t('flows.diagram.unavailable', {status: res.status}));
            }
            // shown as an image: an SVG in <img> cannot run scripts or load anything
            const url = URL.createObjectURL(new Blob([await res.blob()], {type: 'image/svg+xml'}));
            cleanups.push(() => URL.revokeObjectURL(url));
            fill(diagram, h('img', {src: url, alt: t('flows.diagram.alt', {name: flow.name || flow.id}), className: 'flow-svg'}));
        } catch (err) {
            fill(diagram, h('p', {className: 'notice error'}, explain(err)));
        }
    }

    async function startChat(flow, box) {
        const err = notice();
        let started;
        try {
            started = await api('POST', `flows/${encodeURIComponent(flow.id)}/test-chat`, {});
        } catch (e) {
            fill(box, h('p', {className: 'notice error'}, explain(e)));
            return;
        }
        const contact = {token: started.contact_token, id: started.conversation_id};
        const base = `/api/web/v1/conversations/${encodeURIComponent(contact.id)}`;
        const post = (path, body) => api('POST', base + path, body, {token: contact.token});
        const lines = h('div', {className: 'prl-transcript transcript'});
        const transcript = new window.ParleyRender.Transcript(lines, {viewer: 'contact', text: transcriptTexts,
            onChoice: (item, option) => post('/clicks', {message_id: item.id, option_id: option.id})});
        const input = h('input', {type: 'text', placeholder: t('flows.testChat.placeholder'),
            attrs: {'aria-label': t('flows.testChat.label')}});
        fill(box, h('h4', {}, t('flows.testChat')), lines, h('form', {className: 'composer', onsubmit: async e => {
            e.preventDefault();
            if (!input.value.trim()) {
                return;
            }
            try {
                await post('/messages', {body: input.value});
                input.value = '';
                err.textContent = '';
            } catch (e2) {
                err.textContent = explain(e2);
            }
        }}, input, h('button', {type: 'submit', className: 'primary'}, t('reply.send'))), err);
        const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
        const socket = new WebSocket(`${scheme}${location.host}${base}/stream?token=${encodeURIComponent(contact.token)}`);
        socket.addEventListener('message', e => {
            const frame = JSON.parse(e.data);
            if (frame.type === 'item') {
                transcript.add(frame);
                addChannelPreview(lines, frame, 'web');
                lines.scrollTop = lines.scrollHeight;
            } else if (frame.type === 'typing') {
                transcript.typing(frame.active ? frame.author : null);
            }
        });
        socket.addEventListener('close', e => {
            if (e.code !== 1000) {
                err.textContent = t('flows.testChat.closed', {code: e.code});
            }
        });
        cleanups.push(() => socket.close(1000));
    }

    return () => cleanups.forEach(c => c());
}
