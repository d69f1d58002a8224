// The operator console: log-in, the shell (navigation, status) and the hash routes.
import {api, clearSession, explain, saveSession, session, whenUnauthorized} from './api.js';
import {field, fill, h, notice} from './dom.js';
import {OperatorStream} from './stream.js';
import {chosenHere, LANGUAGES, t, useLanguage} from './i18n.js';
import {Notifier} from './notifications.js';
import {conversationsPage} from './views/conversations.js';
import {teamPage} from './views/team.js';
import {widgetsPage} from './views/widgets.js';
import {deliveriesPage} from './views/deliveries.js';
import {flowsPage} from './views/flows.js';
import {privacyPage} from './views/privacy.js';
import {cannedPage} from './views/canned.js';
import {channelsPage} from './views/channels.js';

const root = document.getElementById('app');
const LISTS = ['inbox', 'mine', 'all'];
const ADMIN_PAGES = {team: teamPage, widgets: widgetsPage, channels: channelsPage, canned: cannedPage,
    deliveries: deliveriesPage,
    flows: flowsPage, privacy: privacyPage};

const state = {me: null, stream: null, cleanup: null, countTimer: null, notifier: null};

/** The numbers beside Inbox, Mine and All: conversations open there, and how many hold unread messages. */
function refreshCounts() {
    clearTimeout(state.countTimer);
    state.countTimer = setTimeout(async () => {
        let counts;
        try {
            counts = await api('GET', 'conversations/counts');
        } catch (err) {
            return; // the numbers stay as they were; the next change asks again
        }
        for (const view of LISTS) {
            const badge = root.querySelector(`[data-count="${view}"]`);
            if (badge) {
                const c = counts[view];
                badge.textContent = c.total ? String(c.total) : '';
                badge.classList.toggle('has-unread', c.unread > 0);
                badge.title = t('nav.count.title', {total: c.total, unread: c.unread});
            }
        }
    }, 250);
}

/**
 * The console's language menu; `changed` runs after a change to show the page again in it. `loggedIn`: the
 * choice is also kept with the operator (on the log-in form nobody is known yet).
 */
function languageSwitch(changed, loggedIn) {
    const select = h('select', {className: 'language-switch', attrs: {'aria-label': t('language.label')},
        onchange: () => {
            useLanguage(select.value, true);
            if (loggedIn) {
                state.me.language = select.value;
                // kept with the operator, so every browser they log in on speaks it; the page already does
                api('PUT', 'operators/me/language', {language: select.value}).catch(() => {});
            }
            changed();
        }},
    Object.entries(LANGUAGES).map(([code, name]) => h('option', {value: code, selected: t.language === code,
        attrs: {lang: code}}, name)));
    return select;
}

/**
 * The log-in form; `messageKey` names a line to show above the button (why the operator is here again), `typed`
 * is the e-mail address already typed (kept when the language changes).
 */
function showLogin(messageKey, typed) {
    if (state.stream) {
        state.stream.close();
        state.stream = null;
    }
    const email = h('input', {type: 'email', name: 'email', autocomplete: 'username', required: true,
        value: typed || ''});
    const password = h('input', {type: 'password', name: 'password', autocomplete: 'current-password', required: true});
    const remember = h('input', {type: 'checkbox', name: 'remember'});
    const error = notice();
    if (messageKey) {
        error.textContent = t(messageKey);
    }
    const button = h('button', {type: 'submit', className: 'primary'}, t('login.submit'));
    const form = h('form', {className: 'login', onsubmit: async e => {
        e.preventDefault();
        button.disabled = true;
        error.textContent = '';
        try {
            const answer = await api('POST', 'auth/login', {email: email.value.trim(), password: password.value},
                {noAuth: true});
            saveSession({token: answer.token, operator: answer.operator}, remember.checked);
            if (!location.hash || location.hash === '#/') {
                location.hash = '#/inbox';
            }
            await boot();
        } catch (err) {
            error.textContent = err.status === 401 ? t('login.wrong') : explain(err);
            button.disabled = false;
        }
    }},
    h('h1', {}, 'Parley'), h('p', {className: 'muted'}, t('login.subtitle')),
    field(t('login.email'), email), field(t('login.password'), password),
    h('label', {className: 'check'}, remember, ' ', t('login.remember')),
    error, button, languageSwitch(() => showLogin(messageKey, email.value), false));
    fill(root, h('main', {className: 'login-page'}, form));
    email.focus();
}

async function logout() {
    const s = session();
    // the session ends here, so requests still in flight that the revocation answers with 401 change nothing
    clearSession();
    if (s) {
        try {
            // ends the token on the server too, so a copy of it is worthless from now on
            await api('POST', 'auth/logout', undefined, {token: s.token});
        } catch (err) {
            // an expired or unreachable session is logged out all the same
        }
    }
    showLogin('login.loggedOut');
}

function statusSwitch() {
    const select = h('select', {className: 'status-switch', attrs: {'aria-label': t('status.label')},
        onchange: async () => {
            select.disabled = true;
            try {
                const answer = await api('PUT', 'operators/me/status', {status: select.value});
                state.me.status = answer.status;
            } catch (err) {
                select.value = state.me.status;
                alert(explain(err));
            } finally {
                select.disabled = false;
                select.className = 'status-switch status-' + select.value;
            }
        }},
    ['online', 'away', 'offline'].map(s => h('option', {value: s, selected: state.me.status === s}, t('presence.' + s))));
    select.className = 'status-switch status-' + state.me.status;
    return select;
}

function nav(current) {
    const link = (id, label) => h('a', {href: '#/' + id, className: current === id ? 'active' : '',
        dataset: {nav: id}}, h('span', {className: 'nav-label'}, label), LISTS.includes(id) ? h('span', {className: 'nav-count',
        dataset: {count: id}}) : null);
    const both = (long, short) => [h('span', {className: 'label-long'}, long),
        h('span', {className: 'label-short'}, short)];
    const items = [link('inbox', t('nav.inbox')), link('mine', both(t('nav.mine'), t('nav.mine.short'))),
        link('all', both(t('nav.all'), t('nav.all.short')))];
    if (state.me.role === 'admin') {
        items.push(h('span', {className: 'nav-heading'}, t('nav.admin')),
            Object.keys(ADMIN_PAGES).map(id => link(id, t('nav.' + id))));
    }
    return h('nav', {className: 'nav'}, items);
}

/** The id of the conversation on screen, if any. */
function openConversation() {
    const parts = location.hash.replace(/^#\/?/, '').split('/');
    return LISTS.includes(parts[0]) && parts[1] ? decodeURIComponent(parts[1]) : null;
}

function route() {
    if (!state.me) {
        return;
    }
    if (state.cleanup) {
        state.cleanup();
        state.cleanup = null;
    }
    const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    let page = parts[0] || 'inbox';
    if (!LISTS.includes(page) && !(page in ADMIN_PAGES)) {
        page = 'inbox';
    }
    const online = h('span', {className: 'live ' + (state.stream.connected ? 'on' : 'off'),
        title: t('live.title')}, state.stream.connected ? t('live.on') : t('live.connecting'));
    const offState = state.stream.on('state', up => {
        online.className = 'live ' + (up ? 'on' : 'off');
        online.textContent = up ? t('live.on') : t('live.reconnecting');
    });
    const main = h('section', {className: 'main'});
    state.notifier.render();
    fill(root, h('header', {className: 'top'}, h('span', {className: 'brand'}, 'Parley'), online,
        h('span', {className: 'spacer'}),
        state.notifier.button, h('span', {className: 'who'}, state.me.name,
            h('span', {className: 'who-role'}, ' · ', t('role.' + state.me.role))),
        statusSwitch(), languageSwitch(route, true), h('button', {className: 'link', onclick: logout}, t('logout'))),
    h('div', {className: 'body'}, nav(page), main));
    // on phones the navigation is a scrolling row: the page shown stays in sight
    const active = root.querySelector('.nav a.active');
    if (active) {
        active.scrollIntoView({block: 'nearest', inline: 'nearest'});
    }
    refreshCounts();
    const ctx = {me: state.me, stream: state.stream, main};
    let cleanup = null;
    if (!(page in ADMIN_PAGES)) {
        cleanup = conversationsPage(ctx, page, parts[1]);
    } else if (state.me.role === 'admin') {
        cleanup = ADMIN_PAGES[page](ctx, parts.slice(1));
    } else {
        fill(main, h('p', {className: 'notice error'}, t('admins.only')));
    }
    state.cleanup = () => {
        offState();
        if (typeof cleanup === 'function') {
            cleanup();
        }
    };
}

async function boot() {
    const s = session();
    if (!s) {
        showLogin();
        return;
    }
    try {
        state.me = await api('GET', 'operators/me');
        if (state.me.language) {
            useLanguage(state.me.language, true); // the operator's choice, made here or in another browser
        } else if (chosenHere()) {
            // picked on the log-in form before the operator ever chose: from now on it is theirs
            state.me.language = chosenHere();
            api('PUT', 'operators/me/language', {language: state.me.language}).catch(() => {});
        }
    } catch (err) {
        if (err.status === 401) {
            return;
        }
        fill(root, h('p', {className: 'notice error'}, explain(err)));
        return;
    }
    if (state.stream) {
        state.stream.close();
    }
    state.stream = new OperatorStream(s.token).start();
    state.stream.on('conversation', refreshCounts);
    state.notifier = new Notifier(state.me);
    state.stream.on('conversation', c => state.notifier.changed(c, openConversation()));
    route();
}

whenUnauthorized(() => {
    if (!session()) {
        return; // logged out already
    }
    clearSession();
    state.me = null;
    showLogin('login.sessionEnded');
});
window.addEventListener('hashchange', route);
window.addEventListener('parley:read', refreshCounts);
boot();
