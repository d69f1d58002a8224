// Channels (admins): messaging accounts with their webhook URL and verify token to copy, activity, add and edit.
import {api, explain} from '../api.js';
import {field, fill, h, notice, when} from '../dom.js';
import {checkbox, copyable, select, text} from './forms.js';
import {t} from '../i18n.js';

/**
 * Per type, as channels.md §0: plain settings, yes/no settings, and credentials given as an environment variable or a
 * file (a credential left empty is not sent, so the server names the ones a type needs).
 */
const TYPES = {
    whatsapp: {settings: ['phone_number_id'], flags: [], secrets: ['access_token', 'app_secret', 'verify_token']},
    messenger: {settings: [], flags: [], secrets: ['access_token', 'app_secret', 'verify_token']},
    telegram: {settings: [], flags: ['register_webhook'], secrets: ['bot_token', 'secret_token']},
    sms: {settings: ['account_sid', 'from'], flags: [], secrets: ['auth_token']},
    threema: {settings: ['gateway_id', 'mode'], flags: [], secrets: ['api_secret', 'private_key']},
    custom: {settings: ['outbound_url'], flags: [], secrets: ['token']}
};
/** The settings with a hint under their field. */
const HINTS = ['phone_number_id', 'from', 'mode', 'outbound_url'];
const typeLabel = type => type in TYPES ? t('channels.type.' + type) : type;
const label = name => t('channels.field.' + name);

export function channelsPage(ctx) {
    const cards = h('div', {className: 'channel-cards'});
    const editor = h('div', {className: 'editor'});
    const error = notice();
    let widgets = [];
    fill(ctx.main, h('div', {className: 'admin channels'}, h('h2', {}, t('nav.channels')), error,
        h('p', {className: 'muted intro'}, t('channels.intro')),
        h('div', {className: 'section-head'}, h('span'), h('button', {className: 'primary', onclick: () => form(null)},
            t('channels.new'))), editor, cards));

    async function load() {
        try {
            const [w, channels] = await Promise.all([api('GET', 'widgets'), api('GET', 'channels')]);
            widgets = w.items;
            fill(cards, channels.items.length ? channels.items.map(card)
                : h('p', {className: 'placeholder'}, t('channels.empty')));
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
            t('channels.never'));
        return h('article', {className: 'card channel-card' + (c.disabled ? ' disabled' : ''), dataset: {id: c.id}},
            h('div', {className: 'channel-title'}, h('h3', {}, c.id),
                h('span', {className: 'badge channel-type'}, typeLabel(c.type)),
                c.disabled ? h('span', {className: 'badge invalid'}, t('channels.disabled')) : null,
                h('span', {className: 'badge', title: c.source === 'file' ? t('channels.source.file.title')
                    : t('channels.source.console.title')}, c.source === 'file' ? 'parley.yml' : t('channels.source.console')),
                h('span', {className: 'spacer'}),
                h('button', {className: 'link', onclick: () => form(c)}, t('edit'))),
            h('p', {className: 'muted channel-widget'}, t('channels.widget'), ' ', h('b', {}, widgetName(c.widget))),
            copyable(t('channels.webhook'), c.webhook_url, 'webhook-' + c.id),
            'verify_token' in c ? (c.verify_token ? copyable(label('verify_token'), c.verify_token, 'verify-' + c.id)
                : field(label('verify_token'), h('span', {className: 'notice error'}, t('channels.unreadable')))) : null,
            h('dl', {className: 'pairs activity'}, h('dt', {}, t('channels.lastInbound')),
                h('dd', {className: 'last-inbound'}, at(c.last_inbound_at)), h('dt', {}, t('channels.lastOutbound')),
                h('dd', {className: 'last-outbound'}, at(c.last_outbound_at)), h('dt', {}, t('channels.lastError')),
                h('dd', {className: 'last-error'},
                    c.last_error ? [at(c.last_error_at), ' ', h('span', {className: 'error-text'}, c.last_error)]
                        : h('span', {className: 'muted'}, t('none')))),
            (c.credential_problems || []).length ? h('ul', {className: 'notice error credential-problems'},
                c.credential_problems.map(p => h('li', {}, p))) : null);
    }

    async function form(c) {
        await firstLoad;
        const type = select(c ? c.type : 'whatsapp', Object.keys(TYPES).map(k => [k, typeLabel(k)]),
            {name: 'type'});
        const f = {
            id: text(c ? c.id : '', {readOnly: !!c, required: true, placeholder: 'wa-main', name: 'id'}), type,
            widget: select(c ? c.widget : widgets[0] && widgets[0].id, widgets.map(w => [w.id, w.name])),
            api: text(c && c.api_base_url, {placeholder: t('channels.api.placeholder')}),
            region: text(c && c.default_region, {placeholder: 'DE', maxLength: 2}),
            keyword: text(c ? c.unsubscribe_keyword : 'STOP'),
            confirmation: text(c ? c.unsubscribe_confirmation : '', {placeholder: t('channels.confirmation.placeholder')})
        };
        const typeFields = h('div', {className: 'type-fields'});
        let read = () => ({});
        const showType = () => {
            const chosen = TYPES[type.value];
            const same = c && c.type === type.value;
            const settings = chosen.settings.map(k => [k, text(same ? c[k] : '', {name: k})]);
            const flags = chosen.flags.map(k => [k, checkbox(same && String(c[k]) === 'true')]);
            const secrets = chosen.secrets.map(name => {
                const fromFile = same && (name + '_file') in c;
                const source = select(fromFile ? 'file' : 'env', [['env', t('channels.source.env')],
                    ['file', t('channels.source.fileRef')]],
                    {name: name + '_source', attrs: {'aria-label': t('channels.source.label', {name: label(name)})}});
                const ref = text(same ? c[name + (fromFile ? '_file' : '_env')] : '', {name: name + '_ref',
                    placeholder: fromFile ? '/run/secrets/' + name : name.toUpperCase()});
                source.onchange = () => {
                    ref.placeholder = source.value === 'file' ? '/run/secrets/' + name : name.toUpperCase();
                };
                return [name, source, ref];
            });
            fill(typeFields, h('div', {className: 'grid'}, settings.map(([k, input]) => field(label(k), input,
                HINTS.includes(k) ? t('channels.hint.' + k) : null)),
                flags.map(([k, input]) => h('div', {className: 'field'}, h('label', {className: 'check'}, input, ' ',
                    label(k)), h('span', {className: 'field-hint'}, t('channels.hint.' + k))))),
                h('fieldset', {}, h('legend', {}, t('channels.credentials')),
                    h('p', {className: 'field-hint'}, t('channels.credentials.hint')),
                    secrets.map(([name, source, ref]) => field(label(name), h('span', {className: 'secret-row'}, source,
                        ref)))));
            read = () => {
                const out = {};
                settings.forEach(([k, input]) => { out[k] = input.value.trim(); });
                flags.forEach(([k, input]) => { out[k] = input.checked; });
                secrets.filter(([, , ref]) => ref.value.trim())
                    .forEach(([name, source, ref]) => { out[name + '_' + source.value] = ref.value.trim(); });
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
            if (!c.disabled && !confirm(t('channels.disable.confirm', {id: c.id}))) {
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
        }}, c.disabled ? t('channels.enable') : t('channels.disable')) : null;
        fill(editor, h('form', {className: 'card form channel-form', onsubmit: save},
            h('h3', {}, c ? t('channels.title', {id: c.id}) : t('channels.new')),
            c && c.source === 'file' ? h('p', {className: 'notice warning'}, t('channels.fromFile')) : null,
            h('div', {className: 'grid'}, field(t('field.id'), f.id, t('channels.id.hint')), field(t('field.type'), type),
                field(t('channels.widget.field'), f.widget, t('channels.widget.hint')),
                field(t('channels.api'), f.api)),
            typeFields,
            h('div', {className: 'grid'}, field(t('channels.region'), f.region, t('channels.region.hint')),
                field(t('channels.keyword'), f.keyword), field(t('channels.confirmation'), f.confirmation)),
            formError, h('div', {className: 'buttons'}, h('button', {type: 'submit', className: 'primary'}, t('save')),
                h('button', {type: 'button', onclick: () => fill(editor)}, t('close')), toggle)));
        f.id.focus();
    }

    const firstLoad = load();
}
