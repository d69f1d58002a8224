// The operator console: log-in, the shell (navigation, status) and the hash routes.
import {api, clearSession, explain, saveSession, session, whenUnauthorized} from './api.js';
import {field, fill, h, notice} from './dom.js';
import {OperatorStream} from './stream.js';
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
                badge.title = `${c.total} open, ${c.unread} with unread messages`;
            }
        }
    }, 250);
}

function showLogin(message) {
    if (state.stream) {
        state.stream.close();
        state.stream = null;
    }
    const email = h('input', {type: 'email', name: 'email', autocomplete: 'username', required: true});
    const password = h('input', {type: 'password', name: 'password', autocomplete: 'current-password', required: true});
    const remember = h('input', {type: 'checkbox', name: 'remember'});
    const error = notice();
    if (message) {
        error.textContent = message;
    }
    const button = h('button', {type: 'submit', className: 'primary'}, 'Log in');
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
            error.textContent = err.status === 401 ? 'E-mail or password is wrong.' : explain(err);
            button.disabled = false;
        }
    }},
    h('h1', {}, 'Parley'), h('p', {className: 'muted'}, 'Operator console'),
    field('E-mail', email), field('Password', password),
    h('label', {className: 'check'}, remember, ' Keep me logged in on this computer'),
    error, button);
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
    showLogin('You are logged out.');
}

function statusSwitch() {
    const select = h('select', {className: 'status-switch', attrs: {'aria-label': 'My status'},
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
    ['online', 'away', 'offline'].map(s => h('option', {value: s, selected: state.me.status === s}, s)));
    select.className = 'status-switch status-' + state.me.status;
    return select;
}

function nav(current) {
    const link = (id, label) => h('a', {href: '#/' + id, className: current === id ? 'active' : '',
        dataset: {nav: id}}, h('span', {className: 'nav-label'}, label), LISTS.includes(id) ? h('span', {className: 'nav-count',
        dataset: {count: id}}) : null);
    const both = (long, short) => [h('span', {className: 'label-long'}, long),
        h('span', {className: 'label-short'}, short)];
    const items = [link('inbox', 'Inbox'), link('mine', both('My conversations', 'Mine')),
        link('all', both('All conversations', 'All'))];
    if (state.me.role === 'admin') {
        items.push(h('span', {className: 'nav-heading'}, 'Admin'), link('team', 'Team'), link('widgets', 'Widgets'),
            link('channels', 'Channels'),
            link('canned', 'Canned responses'),
            link('deliveries', 'Deliveries'), link('flows', 'Flows'), link('privacy', 'Data rights'));
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
        title: 'Live updates'}, state.stream.connected ? 'live' : 'connecting…');
    const offState = state.stream.on('state', up => {
        online.className = 'live ' + (up ? 'on' : 'off');
        online.textContent = up ? 'live' : 'reconnecting…';
    });
    const main = h('section', {className: 'main'});
    fill(root, h('header', {className: 'top'}, h('span', {className: 'brand'}, 'Parley'), online,
        h('span', {className: 'spacer'}),
        state.notifier.button, h('span', {className: 'who'}, state.me.name, ' · ', state.me.role), statusSwitch(),
        h('button', {className: 'link', onclick: logout}, 'Log out')),
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
        fill(main, h('p', {className: 'notice error'}, 'Only admins see this page.'));
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
    showLogin('Your session has ended; please log in again.');
});
window.addEventListener('hashchange', route);
window.addEventListener('parley:read', refreshCounts);
boot();
