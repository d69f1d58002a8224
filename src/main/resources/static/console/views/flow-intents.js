// Flows (admins): a flow's intents with their examples per language, and the figures of the last
// cross-validation of its examples (run here, or with `parley nlu test`).
import {api, explain} from '../api.js';
import {fill, h} from '../dom.js';
import {dateLocale, t} from '../i18n.js';

const percent = x => t('intents.percent', {value: new Intl.NumberFormat(dateLocale(), {minimumFractionDigits: 1,
    maximumFractionDigits: 1}).format(100 * x)});

export function intentsPanel(flow) {
    const box = h('section', {className: 'flow-intents'}, h('h4', {}, t('intents')), h('p', {className: 'muted'},
        t('loading')));
    const path = `flows/${encodeURIComponent(flow.id)}/intents`;
    const show = data => {
        const languages = Object.keys(data.examples || {});
        if (languages.length === 0) {
            fill(box, h('h4', {}, t('intents')), h('p', {className: 'muted'}, t('intents.none')));
            return;
        }
        const status = h('p', {className: 'muted'});
        const globals = Object.entries(data.global || {}).map(([intent, node]) => `${intent} → ${node}`).join(', ');
        fill(box, h('h4', {}, t('intents')),
            h('p', {className: 'muted'}, t('intents.threshold', {percent: percent(data.threshold)}),
                globals ? ' · ' + t('intents.global', {intents: globals}) : ''),
            languages.map(language => h('details', {className: 'intent-examples'},
                h('summary', {}, language + ': ' + t.plural('intents.count', Object.keys(data.examples[language]).length)),
                h('dl', {}, Object.entries(data.examples[language]).flatMap(([intent, examples]) => [
                    h('dt', {}, intent), h('dd', {}, examples.join(' · '))])))),
            lastTest(data.last_test),
            h('div', {className: 'buttons'}, h('button', {onclick: async e => {
                e.target.disabled = true;
                status.textContent = t('intents.testing');
                try {
                    show(await api('POST', path + '/test', {}));
                } catch (err) {
                    status.textContent = explain(err);
                    e.target.disabled = false;
                }
            }}, t('intents.test'))), status);
    };
    api('GET', path).then(show, err => fill(box, h('h4', {}, t('intents')), h('p', {className: 'notice error'},
        explain(err))));
    return box;
}

function lastTest(test) {
    if (!test) {
        return h('p', {className: 'muted'}, t('intents.untested'));
    }
    return h('div', {className: 'intent-test'}, h('p', {}, t('intents.lastTest', {at: test.ran_at, folds: test.folds})),
        Object.entries(test.languages).map(([language, figures]) => h('div', {},
            h('p', {}, h('strong', {}, t('intents.accuracy', {language, percent: percent(figures.accuracy)})), ' ',
                t.plural('intents.examples', figures.examples)),
            h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('intents.intent')), h('th', {}, t('intents.precision')),
                h('th', {}, t('intents.recall')))),
                h('tbody', {}, figures.intents.map(s => h('tr', {}, h('td', {}, s.intent), h('td', {}, percent(s.precision)),
                    h('td', {}, percent(s.recall)))))),
            figures.confused.length ? h('p', {className: 'muted'}, t('intents.confused'), ' ', figures.confused
                .map(c => `${c.actual} → ${c.recognised_as} (${c.count}×)`).join(', ')) : null)));
}
