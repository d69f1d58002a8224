// Team (admins): human operators and bots with every setting, the API URL, API tokens and signing secrets.
import {api, explain} from '../api.js';
import {field, fill, h, notice} from '../dom.js';
import {checkbox, copyable, keyValues, list, number, parseList, secretOnce, select, text} from './forms.js';
import {t} from '../i18n.js';

export function teamPage(ctx) {
    const editor = h('div', {className: 'editor'});
    const operatorRows = h('tbody');
    const botRows = h('tbody');
    const error = notice();
    let groups = [];
    fill(ctx.main, h('div', {className: 'admin'},
        h('h2', {}, t('nav.team')), error,
        h('section', {}, h('div', {className: 'section-head'}, h('h3', {}, t('team.operators')),
            h('button', {dataset: {new: 'operator'}, onclick: () => operatorForm(null)}, t('team.operator.new'))),
        h('table', {className: 'table operators'}, h('thead', {}, h('tr', {}, ['name', 'email', 'group', 'role',
            'slots', 'status', ''].map(k => h('th', {}, k && t('team.column.' + k))))), operatorRows)),
        h('section', {}, h('div', {className: 'section-head'}, h('h3', {}, t('team.bots')),
            h('button', {dataset: {new: 'bot'}, onclick: () => botForm(null)}, t('team.bot.new'))),
        h('table', {className: 'table bots'}, h('thead', {}, h('tr', {}, ['name', 'id', 'group', 'behavior', 'slots',
            'apiToken', ''].map(k => h('th', {}, k && t('team.column.' + k))))), botRows)),
        editor));

    async function load() {
        try {
            const [g, ops, bots] = await Promise.all([api('GET', 'groups'), api('GET', 'operators'),
                api('GET', 'bots')]);
            groups = g.items;
            fill(operatorRows, ops.items.map(o => h('tr', {dataset: {id: o.id}}, h('td', {}, o.name),
                h('td', {}, o.email), h('td', {}, o.group), h('td', {}, t('role.' + o.role)),
                h('td', {}, String(o.slots)),
                h('td', {}, h('span', {className: 'badge status-' + o.status}, t('presence.' + o.status))),
                h('td', {}, h('button', {className: 'link', onclick: () => operatorForm(o)}, t('edit'))))));
            fill(botRows, bots.items.map(b => h('tr', {dataset: {id: b.id}}, h('td', {}, b.name), h('td', {}, b.id),
                h('td', {}, b.group), h('td', {}, t('team.behavior.' + b.behavior)), h('td', {}, String(b.slots)),
                h('td', {}, b.api_token_set ? t('secret.set') : t('none')),
                h('td', {}, h('button', {className: 'link', onclick: () => botForm(b)}, t('edit'))))));
        } catch (err) {
            error.textContent = explain(err);
        }
    }

    const groupSelect = value => select(value || (groups[0] && groups[0].id), groups.map(g => [g.id, g.name]));

    async function operatorForm(o) {
        await firstLoad;
        const f = {
            id: text(o ? o.id : '', {readOnly: !!o, required: true}), name: text(o && o.name, {required: true}),
            email: text(o && o.email, {type: 'email', required: true}), group: groupSelect(o && o.group),
            role: select(o ? o.role : 'agent', ['agent', 'admin'].map(r => [r, t('role.' + r)])),
            skills: text(list(o && o.skills)),
            slots: number(o ? o.slots : 5, {min: 1, max: 1000}),
            password: text('', {type: 'password', autocomplete: 'new-password',
                placeholder: o ? t('team.password.keep') : t('team.password.new')})
        };
        const formError = notice();
        const save = async e => {
            e.preventDefault();
            const body = {id: f.id.value.trim(), name: f.name.value, email: f.email.value.trim(), group: f.group.value,
                role: f.role.value, skills: parseList(f.skills.value), slots: Number(f.slots.value)};
            if (f.password.value) {
                body.password = f.password.value;
            }
            try {
                await api(o ? 'PUT' : 'POST', 'operators' + (o ? '/' + encodeURIComponent(o.id) : ''), body);
                fill(editor);
                await load();
            } catch (err) {
                formError.textContent = explain(err);
            }
        };
        fill(editor, h('form', {className: 'card form', onsubmit: save, dataset: {form: 'operator'}},
            h('h3', {}, o ? t('team.operator.edit', {name: o.name}) : t('team.operator.new')),
            field(t('field.id'), f.id), field(t('field.name'), f.name), field(t('field.email'), f.email),
            field(t('field.group'), f.group), field(t('field.role'), f.role),
            field(t('field.skills'), f.skills, t('team.skills.hint')),
            field(t('field.slots'), f.slots), field(t('field.password'), f.password), formError,
            h('div', {className: 'buttons'}, h('button', {type: 'submit', className: 'primary'}, t('save')),
                h('button', {type: 'button', onclick: () => fill(editor)}, t('cancel')),
                o ? h('button', {type: 'button', className: 'danger', onclick: () => remove('operators', o.id, '',
                    formError)}, t('delete')) : null)));
        f.name.focus();
    }

    async function remove(kind, id, query, out) {
        if (!confirm(t('team.delete.confirm', {id}))) {
            return;
        }
        try {
            await api('DELETE', `${kind}/${encodeURIComponent(id)}${query}`);
            fill(editor);
            await load();
        } catch (err) {
            out.textContent = explain(err);
        }
    }

    async function botForm(b) {
        await firstLoad;
        const timeout = b && b.timeout;
        const f = {
            id: text(b ? b.id : '', {readOnly: !!b, required: true}), name: text(b && b.name, {required: true}),
            group: groupSelect(b && b.group), type: select(b ? b.type : 'api', [b ? b.type : 'api']),
            behavior: select(b ? b.behavior : 'human', ['human', 'backup', 'firewall', 'service_time']
                .map(m => [m, t('team.behavior.' + m)])),
            slots: number(b ? b.slots : 10, {min: 1, max: 1000}), registration: checkbox(b && b.registration),
            skills: text(list(b && b.skills)), avatar: text(b && b.avatar_url, {placeholder: 'https://…'}),
            timeoutAfter: text(timeout ? timeout.after : '', {placeholder: t('team.timeout.placeholder')}),
            timeoutAction: select(timeout ? timeout.action : 'end', ['end', 'unassign', 'forward']
                .map(a => [a, t('team.timeoutAction.' + a)])),
            webhook: text(b && b.webhook_url, {type: 'url', placeholder: 'https://bot.example/webhook'}),
            headers: keyValues(b && b.webhook_headers, t('team.header'), t('team.header.value')),
            requestTimeout: text(b ? b.request_timeout : '10s'),
            attempts: number(b ? b.webhook_retry.attempts : 6, {min: 1, max: 20}),
            firstDelay: text(b ? b.webhook_retry.first_delay : '1s')
        };
        // Only API bots are made here: a flow bot runs a file, so parley.yml names it and its flow.
        const flowBot = !!b && b.type === 'flow';
        f.type.disabled = true;
        const formError = notice();
        const secrets = h('div', {className: 'secrets'});
        const save = async e => {
            e.preventDefault();
            const body = {id: f.id.value.trim(), name: f.name.value, group: f.group.value, type: f.type.value,
                behavior: f.behavior.value, slots: Number(f.slots.value), registration: f.registration.checked,
                skills: parseList(f.skills.value), avatar_url: f.avatar.value.trim() || null,
                timeout: f.timeoutAfter.value.trim() ? {after: f.timeoutAfter.value.trim(),
                    action: f.timeoutAction.value} : null,
                webhook_url: f.webhook.value.trim(), webhook_headers: f.headers.read(),
                request_timeout: f.requestTimeout.value.trim(),
                webhook_retry: {attempts: Number(f.attempts.value), first_delay: f.firstDelay.value.trim()}};
            try {
                const saved = await api(b ? 'PUT' : 'POST', 'bots' + (b ? '/' + encodeURIComponent(b.id) : ''), body);
                await load();
                botForm(saved);
                editor.querySelector('.saved').textContent = t('saved');
            } catch (err) {
                formError.textContent = explain(err);
            }
        };
        fill(editor, h('form', {className: 'card form', onsubmit: save, dataset: {form: 'bot'}},
            h('h3', {}, b ? t('team.bot.title', {name: b.name}) : t('team.bot.new')),
            h('div', {className: 'grid'}, field(t('field.id'), f.id), field(t('field.name'), f.name),
                field(t('field.group'), f.group), field(t('field.type'), f.type),
                field(t('team.behavior'), f.behavior, t('team.behavior.hint')),
                field(t('field.slots'), f.slots), field(t('field.skills'), f.skills, t('team.skills.short')),
                field(t('team.avatar'), f.avatar), field(t('team.timeout'), f.timeoutAfter),
                field(t('team.timeoutAction'), f.timeoutAction), field(t('team.webhook'), f.webhook),
                field(t('team.requestTimeout'), f.requestTimeout), field(t('team.attempts'), f.attempts),
                field(t('team.firstRetry'), f.firstDelay)),
            h('label', {className: 'check'}, f.registration, ' ', t('team.registration')),
            field(t('team.headers'), f.headers, t('team.headers.hint')),
            flowBot ? h('p', {className: 'notice', dataset: {flowBot: ''}}, t('team.flowBot')) : null,
            formError, h('p', {className: 'saved notice ok', attrs: {role: 'status'}}),
            h('div', {className: 'buttons'}, flowBot ? null
                : h('button', {type: 'submit', className: 'primary'}, b ? t('save') : t('team.bot.create')),
                h('button', {type: 'button', onclick: () => fill(editor)}, t('close')),
                b ? h('button', {type: 'button', className: 'danger', onclick: () => remove('bots', b.id, '?force=true',
                    formError)}, t('delete')) : null),
            b ? botSecrets(b, secrets) : null));
    }

    function botSecrets(b, out) {
        const secretError = notice();
        const generate = (path, key, label, name) => async () => {
            if (b.api_token_set && key === 'api_token' && !confirm(t('team.token.rotate.confirm'))) {
                return;
            }
            try {
                const answer = await api('POST', `bots/${encodeURIComponent(b.id)}/${path}`);
                fill(out, secretOnce(label, answer[key], name));
                load();
            } catch (err) {
                secretError.textContent = explain(err);
            }
        };
        return h('section', {className: 'bot-api'}, h('h4', {}, t('team.chatbotApi')),
            copyable(t('team.apiUrl'), b.api_url, 'api-url'),
            h('p', {className: 'muted'}, t('team.token.state', {state: b.api_token_set ? t('secret.set')
                : t('secret.noneYet')}), ' · ', t('team.signing.state', {state: b.signing_secret_set ? t('secret.set')
                : t('none')})),
            h('div', {className: 'buttons'},
                h('button', {type: 'button', dataset: {generate: 'token'},
                    onclick: generate('token', 'api_token', t('team.column.apiToken'), 'api-token')},
                b.api_token_set ? t('team.token.rotate') : t('team.token.generate')),
                h('button', {type: 'button', onclick: generate('signing-secret', 'signing_secret',
                    t('team.signing.secret'), 'signing-secret')},
                b.signing_secret_set ? t('team.signing.rotate') : t('team.signing.create')),
                b.signing_secret_set ? h('button', {type: 'button', onclick: async () => {
                    try {
                        botForm(await api('DELETE', `bots/${encodeURIComponent(b.id)}/signing-secret`));
                    } catch (err) {
                        secretError.textContent = explain(err);
                    }
                }}, t('team.signing.stop')) : null),
            secretError, out);
    }

    // The forms offer the groups as choices, so none is built before the groups are known.
    const firstLoad = load();
}
