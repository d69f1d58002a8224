// Data rights (admins): find a contact, download everything Parley holds about them, or erase them; the audit log.
import {api, explain} from '../api.js';
import {fill, h, notice, when} from '../dom.js';
import {t} from '../i18n.js';

function download(contactId, copy) {
    const blob = new Blob([JSON.stringify(copy, null, 2)], {type: 'application/json'});
    const link = h('a', {href: URL.createObjectURL(blob), download: `contact-${contactId}.json`});
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function counts(detail) {
    return Object.entries(detail || {}).map(([k, v]) => `${k.replace(/_/g, ' ')}: ${v}`).join(', ');
}

export function privacyPage(ctx) {
    const query = h('input', {type: 'search', className: 'privacy-query', placeholder: t('privacy.query.placeholder'),
        attrs: {'aria-label': t('privacy.query')}});
    const found = h('tbody');
    const auditRows = h('tbody');
    const message = notice();
    fill(ctx.main, h('div', {className: 'admin privacy'}, h('h2', {}, t('nav.privacy')),
        h('p', {className: 'muted'}, t('privacy.intro')),
        h('section', {}, h('form', {className: 'filters', onsubmit: e => {
            e.preventDefault();
            message.textContent = '';
            search();
        }}, query, h('button', {type: 'submit', className: 'primary'}, t('privacy.find'))), message,
        h('table', {className: 'table privacy-contacts'}, h('thead', {}, h('tr', {},
            ['contact', 'email', 'id', 'conversations', ''].map(k => h('th', {}, k && t('privacy.column.' + k))))),
        found)),
        h('section', {}, h('h3', {}, t('privacy.audit')), h('table', {className: 'table privacy-audit'}, h('thead', {},
            h('tr', {}, ['when', 'who', 'action', 'contact', 'detail'].map(k => h('th', {}, t('privacy.column.' + k))))),
        auditRows))));

    async function search() {
        const q = query.value.trim();
        if (!q) {
            return;
        }
        try {
            const page = await api('GET', 'conversations?limit=200&q=' + encodeURIComponent(q));
            const contacts = new Map();
            page.items.forEach(c => {
                const seen = contacts.get(c.contact.id) || {contact: c.contact, conversations: 0};
                seen.conversations++;
                contacts.set(c.contact.id, seen);
            });
            fill(found, [...contacts.values()].map(row));
            if (contacts.size === 0) {
                found.appendChild(h('tr', {}, h('td', {colSpan: 5, className: 'empty'}, t('privacy.noMatch'))));
            }
        } catch (err) {
            message.className = 'notice error';
            message.textContent = explain(err);
        }
    }

    function row({contact, conversations}) {
        const actions = h('td', {className: 'privacy-actions'});
        const exportButton = h('button', {onclick: async () => {
            try {
                const copy = await api('GET', `contacts/${encodeURIComponent(contact.id)}/export`);
                download(contact.id, copy);
                done(t('privacy.exported', {conversations: t.plural('privacy.conversations',
                    copy.conversations.length), files: t.plural('privacy.files', copy.media.length), id: contact.id}));
            } catch (err) {
                failed(err);
            }
        }}, t('privacy.export'));
        const eraseButton = h('button', {className: 'danger', onclick: () => fill(actions, confirmRow)},
            t('privacy.erase'));
        const confirmRow = h('span', {className: 'privacy-confirm'}, t('privacy.erase.confirm'), ' ',
            h('button', {className: 'erase-now', onclick: async () => {
                try {
                    const erased = await api('POST', `contacts/${encodeURIComponent(contact.id)}/erase`);
                    await search();
                    done(t('privacy.erased', {id: contact.id, counts: counts(erased)}));
                } catch (err) {
                    failed(err);
                    fill(actions, exportButton, ' ', eraseButton);
                }
            }}, t('privacy.erase.now')), ' ',
            h('button', {className: 'link', onclick: () => fill(actions, exportButton, ' ', eraseButton)}, t('cancel')));
        fill(actions, exportButton, ' ', eraseButton);
        return h('tr', {className: 'privacy-contact', dataset: {id: contact.id}},
            h('td', {}, contact.name || t('privacy.noName')), h('td', {}, contact.email || ''),
            h('td', {className: 'muted'}, contact.id), h('td', {}, String(conversations)), actions);
    }

    function done(text) {
        message.className = 'notice ok';
        message.textContent = text;
        audit();
    }

    function failed(err) {
        message.className = 'notice error';
        message.textContent = explain(err);
    }

    async function audit() {
        try {
            const page = await api('GET', 'audit?limit=50');
            fill(auditRows, page.items.map(e => h('tr', {className: 'audit-entry'}, h('td', {}, when(e.at)),
                h('td', {}, e.actor.email), h('td', {}, e.action), h('td', {className: 'muted'}, e.target),
                h('td', {}, counts(e.detail)))));
            if (page.items.length === 0) {
                auditRows.appendChild(h('tr', {}, h('td', {colSpan: 5, className: 'empty'}, t('privacy.audit.empty'))));
            }
        } catch (err) {
            failed(err);
        }
    }

    audit();
    query.focus();
}
