// Team (admins): human operators and bots with every setting, the API URL, API tokens and signing secrets.
import {api, explain} from '../api.js';
import {field, fill, h, notice} from '../dom.js';
import {checkbox, copyable, keyValues, list, number, parseList, secretOnce, select, text} from './forms.js';

export function teamPage(ctx) {
    const editor = h('div', {className: 'editor'});
    const operatorRows = h('tbody');
    const botRows = h('tbody');
    const error = notice();
    let groups = [];
    fill(ctx.main, h('div', {className: 'admin'},
        h('h2', {}, 'Team'), error,
        h('section', {}, h('div', {className: 'section-head'}, h('h3', {}, 'Operators'),
            h('button', {dataset: {new: 'operator'}, onclick: () => operatorForm(null)}, 'New operator')),
        h('table', {className: 'table operators'}, h('thead', {}, h('tr', {}, ['Name', 'E-mail', 'Group', 'Role',
            'Slots', 'Status', ''].map(t => h('th', {}, t)))), operatorRows)),
        h('section', {}, h('div', {className: 'section-head'}, h('h3', {}, 'Bots'),
            h('button', {dataset: {new: 'bot'}, onclick: () => botForm(null)}, 'New bot')),
        h('table', {className: 'table bots'}, h('thead', {}, h('tr', {}, ['Name', 'Id', 'Group', 'Behavior', 'Slots',
            'API token', ''].map(t => h('th', {}, t)))), botRows)),
        editor));

    async function load() {
        try {
            const [g, ops, bots] = await Promise.all([api('GET', 'groups'), api('GET', 'operators'),
                api('GET', 'bots')]);
            groups = g.items;
            fill(operatorRows, ops.items.map(o => h('tr', {dataset: {id: o.id}}, h('td', {}, o.name),
                h('td', {}, o.email), h('td', {}, o.group), h('td', {}, o.role), h('td', {}, String(o.slots)),
                h('td', {}, h('span', {className: 'badge status-' + o.status}, o.status)),
                h('td', {}, h('button', {className: 'link', onclick: () => operatorForm(o)}, 'Edit')))));
            fill(botRows, bots.items.map(b => h('tr', {dataset: {id: b.id}}, h('td', {}, b.name), h('td', {}, b.id),
                h('td', {}, b.group), h('td', {}, b.behavior), h('td', {}, String(b.slots)),
                h('td', {}, b.api_token_set ? 'set' : 'none'),
                h('td', {}, h('button', {className: 'link', onclick: () => botForm(b)}, 'Edit')))));
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
            role: select(o ? o.role : 'agent', ['agent', 'admin']), skills: text(list(o && o.skills)),
            slots: number(o ? o.slots : 5, {min: 1, max: 1000}),
            password: text('', {type: 'password', autocomplete: 'new-password',
                placeholder: o ? 'leave empty to keep' : '8 characters or more'})
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
            h('h3', {}, o ? 'Edit ' + o.name : 'New operator'),
            field('Id', f.id), field('Name', f.name), field('E-mail', f.email), field('Group', f.group),
            field('Role', f.role), field('Skills', f.skills, 'comma-separated names from parley.yml'),
            field('Chat slots', f.slots), field('Password', f.password), formError,
            h('div', {className: 'buttons'}, h('button', {type: 'submit', className: 'primary'}, 'Save'),
                h('button', {type: 'button', onclick: () => fill(editor)}, 'Cancel'),
                o ? h('button', {type: 'button', className: 'danger', onclick: () => remove('operators', o.id, '',
                    formError)}, 'Delete') : null)));
        f.name.focus();
    }

    async function remove(kind, id, query, out) {
        if (!confirm(`Delete ${id}? Open conversations go to the inbox.`)) {
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
        const t = b && b.timeout;
        const f = {
            id: text(b ? b.id : '', {readOnly: !!b, required: true}), name: text(b && b.name, {required: true}),
            group: groupSelect(b && b.group), type: select(b ? b.type : 'api', [b ? b.type : 'api']),
            behavior: select(b ? b.behavior : 'human', ['human', 'backup', 'firewall', 'service_time']),
            slots: number(b ? b.slots : 10, {min: 1, max: 1000}), registration: checkbox(b && b.registration),
            skills: text(list(b && b.skills)), avatar: text(b && b.avatar_url, {placeholder: 'https://…'}),
            timeoutAfter: text(t ? t.after : '', {placeholder: 'e.g. 10m; empty for none'}),
            timeoutAction: select(t ? t.action : 'end', ['end', 'unassign', 'forward']),
            webhook: text(b && b.webhook_url, {type: 'url', placeholder: 'https://bot.example/webhook'}),
            headers: keyValues(b && b.webhook_headers, 'Header', 'Value'),
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
                editor.querySelector('.saved').textContent = 'Saved.';
            } catch (err) {
                formError.textContent = explain(err);
            }
        };
        fill(editor, h('form', {className: 'card form', onsubmit: save, dataset: {form: 'bot'}},
            h('h3', {}, b ? 'Bot ' + b.name : 'New bot'),
            h('div', {className: 'grid'}, field('Id', f.id), field('Name', f.name), field('Group', f.group),
                field('Type', f.type), field('Behavior mode', f.behavior, 'when conversations of the group go to it'),
                field('Chat slots', f.slots), field('Skills', f.skills, 'comma-separated'),
                field('Avatar URL', f.avatar), field('Conversation timeout after', f.timeoutAfter),
                field('Timeout action', f.timeoutAction), field('Webhook URL', f.webhook),
                field('Request timeout', f.requestTimeout), field('Delivery attempts', f.attempts),
                field('First retry after', f.firstDelay)),
            h('label', {className: 'check'}, f.registration, ' Registration mode (show the name/e-mail card first)'),
            field('Webhook headers', f.headers, 'stored values show as •••• and are kept unless you type a new one'),
            flowBot ? h('p', {className: 'notice', dataset: {flowBot: ''}}, 'A flow bot runs a flow file: change it in'
                + ' parley.yml (type: flow, flow: flows/….yml) and restart.') : null,
            formError, h('p', {className: 'saved notice ok', attrs: {role: 'status'}}),
            h('div', {className: 'buttons'}, flowBot ? null
                : h('button', {type: 'submit', className: 'primary'}, b ? 'Save' : 'Create bot'),
                h('button', {type: 'button', onclick: () => fill(editor)}, 'Close'),
                b ? h('button', {type: 'button', className: 'danger', onclick: () => remove('bots', b.id, '?force=true',
                    formError)}, 'Delete') : null),
            b ? botSecrets(b, secrets) : null));
    }

    function botSecrets(b, out) {
        const secretError = notice();
        const generate = (path, key, label, name) => async () => {
            if (b.api_token_set && key === 'api_token' && !confirm('The current token stops working at once. Go on?')) {
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
        return h('section', {className: 'bot-api'}, h('h4', {}, 'Chatbot API'),
            copyable('API URL', b.api_url, 'api-url'),
            h('p', {className: 'muted'}, 'Token: ', b.api_token_set ? 'set' : 'none yet',
                ' · Signing secret: ', b.signing_secret_set ? 'set' : 'none'),
            h('div', {className: 'buttons'},
                h('button', {type: 'button', dataset: {generate: 'token'},
                    onclick: generate('token', 'api_token', 'API token', 'api-token')},
                b.api_token_set ? 'Rotate API token' : 'Generate API token'),
                h('button', {type: 'button', onclick: generate('signing-secret', 'signing_secret', 'signing secret',
                    'signing-secret')}, b.signing_secret_set ? 'Rotate signing secret' : 'Create signing secret'),
                b.signing_secret_set ? h('button', {type: 'button', onclick: async () => {
                    try {
                        botForm(await api('DELETE', `bots/${encodeURIComponent(b.id)}/signing-secret`));
                    } catch (err) {
                        secretError.textContent = explain(err);
                    }
                }}, 'Stop signing') : null),
            secretError, out);
    }

    // The forms offer the groups as choices, so none is built before the groups are known.
    const firstLoad = load();
}
