// Flows (admins): a flow's intents with their examples per language, and the figures of the last
// cross-validation of its examples (run here, or with `parley nlu test`).
import {api, explain} from '../api.js';
import {fill, h} from '../dom.js';

const percent = x => (100 * x).toFixed(1) + ' %';

export function intentsPanel(flow) {
    const box = h('section', {className: 'flow-intents'}, h('h4', {}, 'Intents'), h('p', {className: 'muted'}, 'Loading…'));
    const path = `flows/${encodeURIComponent(flow.id)}/intents`;
    const show = data => {
        const languages = Object.keys(data.examples || {});
        if (languages.length === 0) {
            fill(box, h('h4', {}, 'Intents'), h('p', {className: 'muted'}, 'This flow declares no intents.'));
            return;
        }
        const status = h('p', {className: 'muted'});
        const globals = Object.entries(data.global || {}).map(([intent, node]) => `${intent} → ${node}`).join(', ');
        fill(box, h('h4', {}, 'Intents'),
            h('p', {className: 'muted'}, `Threshold ${percent(data.threshold)}`, globals ? ` · global: ${globals}` : ''),
            languages.map(language => h('details', {className: 'intent-examples'},
                h('summary', {}, `${language}: ${Object.keys(data.examples[language]).length} intents`),
                h('dl', {}, Object.entries(data.examples[language]).flatMap(([intent, examples]) => [
                    h('dt', {}, intent), h('dd', {}, examples.join(' · '))])))),
            lastTest(data.last_test),
            h('div', {className: 'buttons'}, h('button', {onclick: async e => {
                e.target.disabled = true;
                status.textContent = 'Cross-validating the examples…';
                try {
                    show(await api('POST', path + '/test', {}));
                } catch (err) {
                    status.textContent = explain(err);
                    e.target.disabled = false;
                }
            }}, 'Test the intents')), status);
    };
    api('GET', path).then(show, err => fill(box, h('h4', {}, 'Intents'), h('p', {className: 'notice error'}, explain(err))));
    return box;
}

function lastTest(test) {
    if (!test) {
        return h('p', {className: 'muted'}, 'Not tested yet.');
    }
    return h('div', {className: 'intent-test'}, h('p', {}, `Last test ${test.ran_at}: ${test.folds}-fold cross-validation`),
        Object.entries(test.languages).map(([language, figures]) => h('div', {},
            h('p', {}, h('strong', {}, `${language}: accuracy ${percent(figures.accuracy)}`), ` over ${figures.examples} examples`),
            h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'intent'), h('th', {}, 'precision'), h('th', {}, 'recall'))),
                h('tbody', {}, figures.intents.map(s => h('tr', {}, h('td', {}, s.intent), h('td', {}, percent(s.precision)),
                    h('td', {}, percent(s.recall)))))),
            figures.confused.length ? h('p', {className: 'muted'}, 'Most confused: ', figures.confused
                .map(c => `${c.actual} → ${c.recognised_as} (${c.count}×)`).join(', ')) : null)));
}
