// Canned responses (admins): saved replies for the whole workspace or one group, inserted with "/shortcut".
import {api, explain} from '../api.js';
import {field, fill, h, notice} from '../dom.js';
import {select, text} from './forms.js';
import {t} from '../i18n.js';

export function cannedPage(ctx) {
    const rows = h('tbody');
    const editor = h('div', {className: 'editor'});
    const error = notice();
    let groups = [];
    fill(ctx.main, h('div', {className: 'admin'}, h('h2', {}, t('nav.canned')), error,
        h('div', {className: 'section-head'}, h('p', {className: 'muted'}, t('canned.intro')),
        h('button', {dataset: {new: 'canned'}, onclick: () => form(null)}, t('canned.new'))),
        h('table', {className: 'table canned'}, h('thead', {}, h('tr', {}, [t('canned.shortcut'), t('canned.text'),
            t('canned.for'), ''].map(label => h('th', {}, label)))), rows), editor));

    const scope = r => r.group_id ? (groups.find(g => g.id === r.group_id) || {name: r.group_id}).name
        : t('canned.everyone');

    async function load() {
        try {
            const [g, canned] = await Promise.all([api('GET', 'groups'), api('GET', 'canned-responses')]);
            groups = g.items;
            fill(rows, canned.items.length === 0 ? h('tr', {}, h('td', {colSpan: 4, className: 'muted'},
                t('canned.empty'))) : canned.items.map(r => h('tr', {dataset: {id: r.id}},
                h('td', {}, h('code', {}, '/' + r.shortcut)), h('td', {className: 'canned-body'}, r.body),
                h('td', {}, scope(r)),
                h('td', {}, h('button', {className: 'link', onclick: () => form(r)}, t('edit'))))));
        } catch (err) {
            error.textContent = explain(err);
        }
    }

    function form(r) {
        const shortcut = text(r && r.shortcut, {required: true, placeholder: t('canned.shortcut.placeholder'),
            maxLength: 32});
        const body = h('textarea', {rows: 4, required: true, value: (r && r.body) || '', maxLength: 5000});
        const group = select(r && r.group_id ? r.group_id : '', [['', t('canned.everyone')]].concat(groups.map(g =>
            [g.id, g.name])));
        const formError = notice();
        const save = async e => {
            e.preventDefault();
            try {
                await api(r ? 'PUT' : 'POST', 'canned-responses' + (r ? '/' + encodeURIComponent(r.id) : ''),
                    {shortcut: shortcut.value.trim(), body: body.value, group_id: group.value || null});
                fill(editor);
                load();
            } catch (err) {
                formError.textContent = explain(err);
            }
        };
        fill(editor, h('form', {className: 'card form', onsubmit: save},
            h('h3', {}, r ? t('canned.title', {shortcut: r.shortcut}) : t('canned.new.title')),
            h('div', {className: 'grid'}, field(t('canned.shortcut'), shortcut, t('canned.shortcut.hint')),
                field(t('canned.for'), group)),
            field(t('canned.text'), body), formError,
            h('div', {className: 'buttons'}, h('button', {type: 'submit', className: 'primary'}, t('save')),
                h('button', {type: 'button', onclick: () => fill(editor)}, t('close')),
                r ? h('button', {type: 'button', className: 'danger', onclick: async () => {
                    if (!confirm(t('canned.delete.confirm', {shortcut: r.shortcut}))) {
                        return;
                    }
                    try {
                        await api('DELETE', 'canned-responses/' + encodeURIComponent(r.id));
                        fill(editor);
                        load();
                    } catch (err) {
                        formError.textContent = explain(err);
                    }
                }}, t('delete')) : null)));
        shortcut.focus();
    }

    load();
}
