// Channels (admins): messaging accounts with their webhook URL and verify token to copy, activity, add and edit.
import {api, explain} from '../api.js';
import {field, fill, h, notice, when} from '../dom.js';
import {copyable, select, text} from './forms.js';

/** Per type, as channels.md §0: plain settings, and credentials given as an environment variable or a file. */
const TYPES = {
    whatsapp: {label: 'WhatsApp', settings: ['phone_number_id'], secrets: ['access_token', 'app_secret', 'verify_token']},
    messenger: {label: 'Messenger', settings: [], secrets: ['access_token', 'app_secret', 'verify_token']},
    telegram: {label: 'Telegram', settings: [], secrets: ['bot_token', 'secret_token']},
    sms: {label: 'SMS (Twilio)', settings: ['account_sid', 'from'], secrets: ['auth_token']},
    threema: {label: 'Threema', settings: ['gateway_id', 'mode'], secrets: ['api_secret', 'private_key']},
    custom: {label: 'Custom', settings: ['outbound_url'], secrets: ['token']}
};
const LABELS = {phone_number_id: 'Phone number ID', account_sid: 'Account SID', from: 'From number',
    gateway_id: 'Gateway ID', mode: 'Mode', outbound_url: 'Outbound URL', access_token: 'Access token',
    app_secret: 'App secret', verify_token: 'Verify token', bot_token: 'Bot token', secret_token: 'Secret token',
    auth_token: 'Auth token', api_secret: 'API secret', private_key: 'Private key', token: 'Token'};
const HINTS = {phone_number_id: 'from Meta\'s WhatsApp API set-up page', from: 'the sending number, +4915…',
    mode: 'e2e or basic', outbound_url: 'where Parley POSTs outbound messages'};

export function channelsPage(ctx) {
    const cards = h('div', {className: 'channel-cards'});
    const editor = h('div', {className: 'editor'});
    const error = notice();
    let widgets = [];
    fill(ctx.main, h('div', {className: 'admin channels'}, h('h2', {}, 'Channels'), error,
        h('p', {className: 'muted intro'}, 'Messaging accounts whose conversations go to a widget. Give the'
            + ' vendor the webhook URL (and, for WhatsApp and Messenger, the verify token).'),
        h('div', {className: 'section-head'}, h('span'), h('button', {className: 'primary', onclick: () => form(null)},
            'New channel')), editor, cards));

    async function load() {
        try {
            const [w, channels] = await Promise.all([api('GET', 'widgets'), api('GET', 'channels')]);
            widgets = w.items;
            fill(cards, channels.items.length ? channels.items.map(card)
                : h('p', {className: 'placeholder'}, 'No channels yet. Add one, or list them under channels: in'
                    + ' parley.yml.'));
        } catch (err) {
            error.textContent = explain(err);
        }
    }

    function widgetName(id) {
        const w = widgets.find(x => x.id === id);
        return w && w.name !== id ? `${w.name} (${id})` : id;
    }

    function card(c) {
        const at = iso => iso ? h('time', {dateTime: iso, title: iso}, when(iso)) : h('span', {className: 'muted'},
            'never');
        return h('article', {className: 'card channel-card' + (c.disabled ? ' disabled' : ''), dataset: {id: c.id}},
            h('div', {className: 'channel-title'}, h('h3', {}, c.id),
                h('span', {className: 'badge channel-type'}, (TYPES[c.type] || {label: c.type}).label),
                c.disabled ? h('span', {className: 'badge invalid'}, 'disabled') : null,
                h('span', {className: 'badge', title: c.source === 'file' ? 'parley.yml sets it again at every start'
                    : 'made in the console'}, c.source === 'file' ? 'parley.yml' : 'console'),
                h('span', {className: 'spacer'}),
                h('button', {className: 'link', onclick: () => form(c)}, 'Edit')),
            h('p', {className: 'muted channel-widget'}, 'Conversations go to widget ', h('b', {}, widgetName(c.widget))),
            copyable('Webhook URL', c.webhook_url, 'webhook-' + c.id),
            'verify_token' in c ? (c.verify_token ? copyable('Verify token', c.verify_token, 'verify-' + c.id)
                : field('Verify token', h('span', {className: 'notice error'}, 'cannot be read (see below)'))) : null,
            h('dl', {className: 'pairs activity'}, h('dt', {}, 'Last inbound'), h('dd', {className: 'last-inbound'},
                at(c.last_inbound_at)), h('dt', {}, 'Last outbound'), h('dd', {className: 'last-outbound'},
                at(c.last_outbound_at)), h('dt', {}, 'Last error'), h('dd', {className: 'last-error'},
                c.last_error ? [at(c.last_error_at), ' ', h('span', {className: 'error-text'}, c.last_error)]
                    : h('span', {className: 'muted'}, 'none'))),
            (c.credential_problems || []).length ? h('ul', {className: 'notice error credential-problems'},
                c.credential_problems.map(p => h('li', {}, p))) : null);
    }

    async function form(c) {
        await firstLoad;
        const type = select(c ? c.type : 'whatsapp', Object.entries(TYPES).map(([k, t]) => [k, t.label]),
            {name: 'type'});
        const f = {
            id: text(c ? c.id : '', {readOnly: !!c, required: true, placeholder: 'wa-main', name: 'id'}), type,
            widget: select(c ? c.widget : widgets[0] && widgets[0].id, widgets.map(w => [w.id, w.name])),
            api: text(c && c.api_base_url, {placeholder: 'the vendor\'s API; empty for the default'}),
            region: text(c && c.default_region, {placeholder: 'DE', maxLength: 2}),
            keyword: text(c ? c.unsubscribe_keyword : 'STOP'),
            confirmation: text(c ? c.unsubscribe_confirmation : '', {placeholder: 'You are unsubscribed. Send START'
                + ' to subscribe again.'})
        };
        const typeFields = h('div', {className: 'type-fields'});
        let read = () => ({});
        const showType = () => {
            const t = TYPES[type.value];
            const same = c && c.type === type.value;
            const settings = t.settings.map(k => [k, text(same ? c[k] : '', {name: k})]);
            const secrets = t.secrets.map(name => {
                const fromFile = same && (name + '_file') in c;
                const source = select(fromFile ? 'file' : 'env', [['env', 'environment variable'], ['file', 'file']],
                    {name: name + '_source', attrs: {'aria-label': LABELS[name] + ' from'}});
                const ref = text(same ? c[name + (fromFile ? '_file' : '_env')] : '', {name: name + '_ref',
                    placeholder: fromFile ? '/run/secrets/' + name : name.toUpperCase()});
                source.onchange = () => {
                    ref.placeholder = source.value === 'file' ? '/run/secrets/' + name : name.toUpperCase();
                };
                return [name, source, ref];
            });
            fill(typeFields, h('div', {className: 'grid'}, settings.map(([k, input]) => field(LABELS[k], input, HINTS[k]))),
                h('fieldset', {}, h('legend', {}, 'Credentials'), h('p', {className: 'field-hint'}, 'Never the'
                    + ' secret itself: the name of an environment variable of the Parley server, or a file on it.'),
                secrets.map(([name, source, ref]) => field(LABELS[name], h('span', {className: 'secret-row'}, source, ref)))));
            read = () => {
                const out = {};
                settings.forEach(([k, input]) => { out[k] = input.value.trim(); });
                secrets.forEach(([name, source, ref]) => { out[name + '_' + source.value] = ref.value.trim(); });
                return out;
            };
        };
        type.onchange = showType;
        showType();
        const formError = notice();
        const save = async e => {
            e.preventDefault();
            const body = {id: f.id.value.trim(), type: type.value, widget: f.widget.value, ...read(),
                unsubscribe_keyword: f.keyword.value.trim() || 'STOP'};
            if (f.api.value.trim()) {
                body.api_base_url = f.api.value.trim();
            }
            if (f.region.value.trim()) {
                body.default_region = f.region.value.trim();
            }
            if (f.confirmation.value.trim()) {
                body.unsubscribe_confirmation = f.confirmation.value.trim();
            }
            try {
                const saved = await api(c ? 'PUT' : 'POST', 'channels' + (c ? '/' + encodeURIComponent(c.id) : ''),
                    body);
                fill(editor);
                await load();
                const shown = cards.querySelector(`[data-id="${CSS.escape(saved.id)}"]`);
                if (shown) {
                    shown.scrollIntoView({block: 'nearest'});
                }
            } catch (err) {
                formError.textContent = explain(err);
            }
        };
        const toggle = c ? h('button', {type: 'button', className: c.disabled ? '' : 'danger', onclick: async () => {
            if (!c.disabled && !confirm(`Disable channel ${c.id}? It stops receiving and sending; its`
                + ' conversations stay.')) {
                return;
            }
            try {
                await (c.disabled ? api('PUT', 'channels/' + encodeURIComponent(c.id), {disabled: false})
                    : api('DELETE', 'channels/' + encodeURIComponent(c.id)));
                fill(editor);
                load();
            } catch (err) {
                formError.textContent = explain(err);
            }
        }}, c.disabled ? 'Enable' : 'Disable') : null;
        fill(editor, h('form', {className: 'card form channel-form', onsubmit: save},
            h('h3', {}, c ? 'Channel ' + c.id : 'New channel'),
            c && c.source === 'file' ? h('p', {className: 'notice warning'}, 'parley.yml names this channel: the'
                + ' file sets it again at the next start.') : null,
            h('div', {className: 'grid'}, field('Id', f.id, 'part of the webhook URL'), field('Type', type),
                field('Widget', f.widget, 'routing comes from this widget'), field('API base URL', f.api)),
            typeFields,
            h('div', {className: 'grid'}, field('Default region', f.region, 'for national phone numbers'),
                field('Unsubscribe keyword', f.keyword), field('Unsubscribe confirmation', f.confirmation)),
            formError, h('div', {className: 'buttons'}, h('button', {type: 'submit', className: 'primary'}, 'Save'),
                h('button', {type: 'button', onclick: () => fill(editor)}, 'Close'), toggle)));
        f.id.focus();
    }

    const firstLoad = load();
}
