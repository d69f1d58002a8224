// Deliveries (admins): every webhook call of a bot with status, latency, attempt and the bodies (masked by Parley).
import {api, explain} from '../api.js';
import {fill, h, notice, when} from '../dom.js';
import {t} from '../i18n.js';

const OUTCOMES = ['delivered', 'retrying', 'failed', 'declined'];

function pretty(body) {
    if (body === null || body === undefined || body === '') {
        return t('deliveries.emptyBody');
    }
    try {
        return JSON.stringify(JSON.parse(body), null, 2);
    } catch (e) {
        return body;
    }
}

export function deliveriesPage(ctx, params) {
    const picker = h('select', {attrs: {'aria-label': t('deliveries.bot')}, onchange: () => {
        location.hash = '#/deliveries/' + encodeURIComponent(picker.value);
    }});
    const rows = h('tbody');
    const error = notice();
    const more = h('button', {className: 'more', hidden: true}, t('deliveries.older'));
    let before = null;
    const brazeAlerts = h('div', {className: 'braze-alerts'});
    fill(ctx.main, h('div', {className: 'admin'}, h('h2', {}, t('nav.deliveries')), brazeAlerts,
        h('div', {className: 'filters'}, h('label', {}, t('deliveries.bot'), ' ', picker),
            h('button', {onclick: () => show(true)}, t('deliveries.refresh'))), error,
        h('table', {className: 'table deliveries'}, h('thead', {}, h('tr', {}, ['when', 'event', 'attempt', 'status',
            'latency', 'outcome', 'error'].map(k => h('th', {}, t('deliveries.column.' + k))))), rows), more));
    more.addEventListener('click', () => show(false));

    async function show(reset) {
        if (!picker.value) {
            return;
        }
        try {
            const page = await api('GET', `bots/${encodeURIComponent(picker.value)}/deliveries?limit=50`
                + (!reset && before ? '&before=' + before : ''));
            if (reset) {
                rows.textContent = '';
            }
            page.items.forEach(d => {
                const bodies = h('tr', {className: 'bodies', hidden: true}, h('td', {colSpan: 7},
                    h('div', {className: 'bodies-grid'}, h('div', {}, h('h4', {}, t('deliveries.request')),
                        h('pre', {className: 'request-body'}, pretty(d.request_body))),
                    h('div', {}, h('h4', {}, t('deliveries.response')), h('pre', {className: 'response-body'},
                        pretty(d.response_body))))));
                const row = h('tr', {className: 'delivery outcome-' + d.outcome, dataset: {id: d.id}, tabIndex: 0,
                    title: t('deliveries.bodies'), onclick: () => { bodies.hidden = !bodies.hidden; }},
                h('td', {}, when(d.at)), h('td', {className: 'event'}, d.event), h('td', {}, String(d.attempt)),
                h('td', {className: 'http-status'}, d.status === null ? t('deliveries.noAnswer') : String(d.status)),
                h('td', {}, t('deliveries.latency', {ms: d.latency_ms})), h('td', {}, h('span', {className: 'badge outcome-' + d.outcome},
                    OUTCOMES.includes(d.outcome) ? t('deliveries.outcome.' + d.outcome) : d.outcome)),
                h('td', {className: 'error-text'}, d.error || ''));
                rows.append(row, bodies);
            });
            if (reset && page.items.length === 0) {
                rows.appendChild(h('tr', {}, h('td', {colSpan: 7, className: 'empty'}, t('deliveries.empty'))));
            }
            before = page.next_before;
            more.hidden = !before;
            error.textContent = '';
        } catch (err) {
            error.textContent = explain(err);
        }
    }

    // Braze alerts (a refused key pausing the sender, 5xx without end) belong where admins look at deliveries.
    (async () => {
        try {
            const alerts = (await api('GET', 'integrations/braze/alerts')).items;
            fill(brazeAlerts, alerts.map(a => h('p', {className: 'notice error braze-alert', dataset: {kind: a.kind}},
                t('deliveries.braze', {message: a.message, since: when(a.raised_at)}))));
        } catch (err) {
            brazeAlerts.textContent = '';
        }
    })();

    (async () => {
        try {
            // Flow bots run inside Parley: they make no webhook calls (their runs are on the Flows page).
            const bots = (await api('GET', 'bots')).items.filter(b => b.type === 'api');
            fill(picker, bots.map(b => h('option', {value: b.id}, `${b.name} (${b.id})`)));
            if (bots.length === 0) {
                error.textContent = t('deliveries.noBots');
                return;
            }
            picker.value = params[0] && bots.some(b => b.id === params[0]) ? params[0] : bots[0].id;
            show(true);
        } catch (err) {
            error.textContent = explain(err);
        }
    })();
}
