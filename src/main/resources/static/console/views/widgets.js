// Widgets (admins): group, registration, live timeout, service hours, chatbot assignment, embed snippet.
import {api, explain} from '../api.js';
import {field, fill, h, notice} from '../dom.js';
import {checkbox, copyable, keyValues, select, text} from './forms.js';

export function widgetsPage(ctx) {
    const rows = h('tbody');
    const editor = h('div', {className: 'editor'});
    const error = notice();
    let groups = [];
    fill(ctx.main, h('div', {className: 'admin'}, h('h2', {}, 'Widgets'), error,
        h('div', {className: 'section-head'}, h('span'), h('button', {onclick: () => form(null)}, 'New widget')),
        h('table', {className: 'table widgets'}, h('thead', {}, h('tr', {}, ['Name', 'Id', 'Group', 'Registration',
            'Live timeout', 'Service hours', ''].map(t => h('th', {}, t)))), rows), editor));

    async function load() {
        try {
            const [g, widgets] = await Promise.all([api('GET', 'groups'), api('GET', 'widgets')]);
            groups = g.items;
            fill(rows, widgets.items.map(w => h('tr', {dataset: {id: w.id}}, h('td', {}, w.name), h('td', {}, w.id),
                h('td', {}, w.group), h('td', {}, w.registration ? 'on' : 'off'), h('td', {}, w.live_timeout || '—'),
                h('td', {}, w.service_hours ? Object.entries(w.service_hours).map(([k, v]) => `${k} ${v}`).join('; ')
                    : 'always'),
                h('td', {}, h('button', {className: 'link', onclick: () => form(w)}, 'Edit')))));
        } catch (err) {
            error.textContent = explain(err);
        }
    }

    async function form(w) {
        await firstLoad;
        const hours = Object.assign({}, w && w.service_hours);
        const zone = text(hours.zone || '', {placeholder: 'Europe/Berlin'});
        delete hours.zone;
        const f = {
            id: text(w ? w.id : '', {readOnly: !!w, required: true}), name: text(w && w.name, {required: true}),
            group: select(w ? w.group : groups[0] && groups[0].id, groups.map(g => [g.id, g.name])),
            registration: checkbox(w && w.registration),
            live: text(w && w.live_timeout, {placeholder: 'e.g. 30m; empty for none'}),
            botAssignment: checkbox(w ? w.chatbot_assignment : true),
            days: keyValues(hours, 'mon-fri', '09:00-17:00')
        };
        const formError = notice();
        const save = async e => {
            e.preventDefault();
            const days = f.days.read();
            const body = {id: f.id.value.trim(), name: f.name.value, group: f.group.value,
                registration: f.registration.checked, live_timeout: f.live.value.trim() || null,
                chatbot_assignment: f.botAssignment.checked,
                service_hours: zone.value.trim() || Object.keys(days).length ? {zone: zone.value.trim(), ...days} : null};
            try {
                const saved = await api(w ? 'PUT' : 'POST', 'widgets' + (w ? '/' + encodeURIComponent(w.id) : ''), body);
                await load();
                form(saved);
            } catch (err) {
                formError.textContent = explain(err);
            }
        };
        fill(editor, h('form', {className: 'card form', onsubmit: save},
            h('h3', {}, w ? 'Widget ' + w.name : 'New widget'),
            h('div', {className: 'grid'}, field('Id', f.id), field('Name', f.name), field('Group', f.group),
                field('Live conversation timeout', f.live, 'no activity at all for this long ends it')),
            h('label', {className: 'check'}, f.registration, ' Ask contacts for name and e-mail first'),
            h('label', {className: 'check'}, f.botAssignment, ' Returning contacts may get a bot again'),
            h('fieldset', {}, h('legend', {}, 'Service hours'), field('Time zone', zone),
                field('Days and hours', f.days, 'days mon…sun or ranges (mon-fri); times 09:00-17:00, several'
                    + ' separated by commas; empty: always in service')),
            w ? copyable('Embed snippet', w.embed_snippet, 'embed-snippet') : null,
            formError, h('div', {className: 'buttons'}, h('button', {type: 'submit', className: 'primary'}, 'Save'),
                h('button', {type: 'button', onclick: () => fill(editor)}, 'Close'),
                w ? h('button', {type: 'button', className: 'danger', onclick: async () => {
                    if (!confirm(`Delete widget ${w.id}?`)) {
                        return;
                    }
                    try {
                        await api('DELETE', 'widgets/' + encodeURIComponent(w.id));
                        fill(editor);
                        load();
                    } catch (err) {
                        formError.textContent = explain(err);
                    }
                }}, 'Delete') : null)));
    }

    // The form offers the groups as choices, so none is built before the groups are known.
    const firstLoad = load();
}
