// Widgets (admins): group, registration, live timeout, service hours, chatbot assignment, embed snippet.
import {api, explain} from '../api.js';
import {field, fill, h, notice} from '../dom.js';
import {checkbox, copyable, keyValues, select, text} from './forms.js';
import {t} from '../i18n.js';

export function widgetsPage(ctx) {
    const rows = h('tbody');
    const editor = h('div', {className: 'editor'});
    const error = notice();
    let groups = [];
    fill(ctx.main, h('div', {className: 'admin'}, h('h2', {}, t('nav.widgets')), error,
        h('div', {className: 'section-head'}, h('span'), h('button', {onclick: () => form(null)}, t('widget.new'))),
        h('table', {className: 'table widgets'}, h('thead', {}, h('tr', {}, ['name', 'id', 'group', 'registration',
            'liveTimeout', 'serviceHours', ''].map(k => h('th', {}, k && t('widget.column.' + k))))), rows), editor));

    async function load() {
        try {
            const [g, widgets] = await Promise.all([api('GET', 'groups'), api('GET', 'widgets')]);
            groups = g.items;
            fill(rows, widgets.items.map(w => h('tr', {dataset: {id: w.id}}, h('td', {}, w.name), h('td', {}, w.id),
                h('td', {}, w.group), h('td', {}, w.registration ? t('on') : t('off')), h('td', {}, w.live_timeout || '—'),
                h('td', {}, w.service_hours ? Object.entries(w.service_hours).map(([k, v]) => `${k} ${v}`).join('; ')
                    : t('widget.always')),
                h('td', {}, h('button', {className: 'link', onclick: () => form(w)}, t('edit'))))));
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
            live: text(w && w.live_timeout, {placeholder: t('widget.live.placeholder')}),
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
            h('h3', {}, w ? t('widget.title', {name: w.name}) : t('widget.new')),
            h('div', {className: 'grid'}, field(t('field.id'), f.id), field(t('field.name'), f.name),
                field(t('field.group'), f.group), field(t('widget.live'), f.live, t('widget.live.hint'))),
            h('label', {className: 'check'}, f.registration, ' ', t('widget.registration')),
            h('label', {className: 'check'}, f.botAssignment, ' ', t('widget.botAgain')),
            h('fieldset', {}, h('legend', {}, t('widget.column.serviceHours')), field(t('widget.zone'), zone),
                field(t('widget.days'), f.days, t('widget.days.hint'))),
            w ? copyable(t('widget.snippet'), w.embed_snippet, 'embed-snippet') : null,
            formError, h('div', {className: 'buttons'}, h('button', {type: 'submit', className: 'primary'}, t('save')),
                h('button', {type: 'button', onclick: () => fill(editor)}, t('close')),
                w ? h('button', {type: 'button', className: 'danger', onclick: async () => {
                    if (!confirm(t('widget.delete.confirm', {id: w.id}))) {
                        return;
                    }
                    try {
                        await api('DELETE', 'widgets/' + encodeURIComponent(w.id));
                        fill(editor);
                        load();
                    } catch (err) {
                        formError.textContent = explain(err);
                    }
                }}, t('delete')) : null)));
    }

    // The form offers the groups as choices, so none is built before the groups are known.
    const firstLoad = load();
}
