/*
 * Parley website widget. Served as /widget.js right after the shared renderer (render.js), so one
 * embed snippet is enough:
 *   <script src="https://parley.example.com/widget.js" data-parley-widget="website" async></script>
 * Optional attributes on that tag: data-parley-title, data-parley-color (#rgb or #rrggbb),
 * data-parley-position ("right" | "left"), data-parley-open ("true" opens the chat at load),
 * data-parley-external-id and data-parley-signature (signed visitor identity, as parley('identify', …)).
 * Page API: parley('tag', name, properties?), parley('open'), parley('close'),
 * parley('identify', { external_id, signature }), parley('logout'); calls made before the script loaded
 * are queued by the usual stub and run now.
 */
(function () {
    'use strict';
    var R = window.ParleyRender;
    var script = document.currentScript || document.querySelector('script[data-parley-widget]');
    if (!R || !script || !script.dataset.parleyWidget) {
        return;
    }
    var widgetId = script.dataset.parleyWidget;
    window.__parleyWidgets = window.__parleyWidgets || {};
    if (window.__parleyWidgets[widgetId]) {
        return;
    }
    window.__parleyWidgets[widgetId] = true;

    var base = script.src.replace(/\/widget\.js(?:[?#].*)?$/, '');
    var api = base + '/api/web/v1';
    var storeKey = 'parley:' + base + ':' + widgetId;
    var TAG_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
    var MAX_BACKOFF = 30000;
    var WATCH_WAIT = 25;

    var config = {
        title: script.dataset.parleyTitle || 'Chat with us',
        color: /^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/.test(script.dataset.parleyColor || '')
            ? script.dataset.parleyColor : null,
        position: script.dataset.parleyPosition === 'left' ? 'left' : 'right',
        openAtLoad: script.dataset.parleyOpen === 'true'
    };

    var state = load();
    var pendingTags = {};
    var socket = null;
    var socketFailures = 0;
    var everConnected = false;
    var polling = false;
    var reconnectTimer = null;
    var typingTimer = null;
    var opening = null;
    var checking = null;
    var unread = 0;
    var ended = false;
    // On touch screens focusing the input opens the keyboard, which hides the choices the bot just offered.
    var TOUCH = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
    /* the long poll for conversations the business starts: cursor of the last answer, request, retry pause */
    var watch = { cursor: null, run: null, timer: null, failures: 0, off: false };
    var ui = build();
    var transcript = new R.Transcript(ui.log, {
        viewer: 'contact',
        onChoice: choose,
        onRegister: registerContact
    });

    function load() {
        try {
            var s = JSON.parse(localStorage.getItem(storeKey) || 'null');
            return s && typeof s.contact_token === 'string' ? s : {};
        } catch (e) {
            return {};
        }
    }

    function save() {
        try {
            localStorage.setItem(storeKey, JSON.stringify(state));
        } catch (e) {
            /* storage full or blocked: the conversation still works for this page */
        }
    }

    function el(tag, className, text) {
        var e = document.createElement(tag);
        if (className) {
            e.className = className;
        }
        if (text) {
            e.textContent = text;
        }
        return e;
    }

    function icon(path) {
        var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        svg.setAttribute('viewBox', '0 0 24 24');
        svg.setAttribute('aria-hidden', 'true');
        svg.setAttribute('focusable', 'false');
        var p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
        p.setAttribute('d', path);
        svg.appendChild(p);
        return svg;
    }

    function build() {
        var host = el('div');
        host.id = 'parley-widget-' + widgetId.replace(/[^A-Za-z0-9_-]/g, '');
        host.setAttribute('data-parley-host', '');
        host.style.display = 'none';
        var shadow = host.attachShadow({ mode: 'open' });
        var css = el('link');
        css.rel = 'stylesheet';
        css.href = base + '/widget.css';
        css.onload = css.onerror = function () {
            host.style.display = '';
        };
        shadow.appendChild(css);

        var root = el('div', 'pw-root pw-' + config.position);
        if (config.color) {
            root.style.setProperty('--prl-accent', config.color);
        }
        var launcher = el('button', 'pw-launcher');
        launcher.type = 'button';
        launcher.setAttribute('aria-label', 'Open chat');
        launcher.setAttribute('aria-expanded', 'false');
        launcher.setAttribute('aria-controls', 'pw-panel');
        var openIcon = icon('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z');
        openIcon.classList.add('pw-icon-open');
        var closeIcon = icon('M6 6l12 12M18 6L6 18');
        closeIcon.classList.add('pw-icon-close');
        launcher.appendChild(openIcon);
        launcher.appendChild(closeIcon);
        var badge = el('span', 'pw-badge');
        badge.hidden = true;
        launcher.appendChild(badge);

        var panel = el('section', 'pw-panel prl-transcript-host');
        panel.id = 'pw-panel';
        panel.hidden = true;
        panel.setAttribute('role', 'dialog');
        panel.setAttribute('aria-labelledby', 'pw-title');

        var header = el('header', 'pw-header');
        var titles = el('div', 'pw-titles');
        var title = el('h2', 'pw-title', config.title);
        title.id = 'pw-title';
        var subtitle = el('p', 'pw-subtitle', 'We usually answer within minutes');
        titles.appendChild(title);
        titles.appendChild(subtitle);
        var close = el('button', 'pw-close');
        close.type = 'button';
        close.setAttribute('aria-label', 'Close chat');
        close.appendChild(icon('M6 6l12 12M18 6L6 18'));
        header.appendChild(titles);
        header.appendChild(close);

        var scroller = el('div', 'pw-scroller');
        var log = el('div', 'prl-transcript pw-log');
        log.setAttribute('role', 'log');
        log.setAttribute('aria-live', 'off');
        log.setAttribute('aria-label', 'Conversation');
        log.tabIndex = 0;
        var pending = el('div', 'pw-pending');
        scroller.appendChild(log);
        scroller.appendChild(pending);

        var announcer = el('div', 'prl-visually-hidden');
        announcer.setAttribute('aria-live', 'polite');
        announcer.setAttribute('role', 'status');
        var notice = el('div', 'pw-notice');
        notice.setAttribute('role', 'alert');
        notice.hidden = true;

        var endedBar = el('div', 'pw-ended');
        endedBar.hidden = true;
        var restart = el('button', 'prl-primary pw-restart', 'Start a new conversation');
        restart.type = 'button';
        endedBar.appendChild(restart);

        var form = el('form', 'pw-composer');
        var file = el('input');
        file.type = 'file';
        file.hidden = true;
        file.tabIndex = -1;
        var attach = el('button', 'pw-attach');
        attach.type = 'button';
        attach.setAttribute('aria-label', 'Attach a file');
        attach.appendChild(icon('M16.5 6.5l-7.8 7.8a2 2 0 0 0 2.8 2.8l7.8-7.8a4 4 0 0 0-5.7-5.7l-7.8 7.8a6 6 0 0 0 8.5 8.5l6.4-6.4'));
        var label = el('label', 'prl-visually-hidden', 'Message');
        label.htmlFor = 'pw-input';
        var input = el('textarea', 'pw-input');
        input.id = 'pw-input';
        input.rows = 1;
        input.maxLength = 5000;
        input.placeholder = 'Write a message…';
        input.setAttribute('enterkeyhint', 'send');
        var send = el('button', 'pw-send');
        send.type = 'submit';
        send.setAttribute('aria-label', 'Send message');
        send.appendChild(icon('M3 20l18-8L3 4v6l12 2-12 2z'));
        form.appendChild(file);
        form.appendChild(attach);
        form.appendChild(label);
        form.appendChild(input);
        form.appendChild(send);

        panel.appendChild(header);
        panel.appendChild(scroller);
        panel.appendChild(notice);
        panel.appendChild(endedBar);
        panel.appendChild(form);
        panel.appendChild(announcer);
        root.appendChild(panel);
        root.appendChild(launcher);
        shadow.appendChild(root);
        (document.body || document.documentElement).appendChild(host);

        launcher.addEventListener('click', function () {
            setOpen(panel.hidden);
        });
        close.addEventListener('click', function () {
            setOpen(false);
        });
        panel.addEventListener('keydown', function (e) {
            if (e.key === 'Escape') {
                e.preventDefault();
                setOpen(false);
            }
        });
        input.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                submit();
            }
        });
        input.addEventListener('input', grow);
        form.addEventListener('submit', function (e) {
            e.preventDefault();
            submit();
        });
        attach.addEventListener('click', function () {
            file.click();
        });
        file.addEventListener('change', function () {
            if (file.files && file.files[0]) {
                upload(file.files[0]);
            }
            file.value = '';
        });
        restart.addEventListener('click', restartConversation);

        return { host: host, root: root, launcher: launcher, badge: badge, panel: panel, subtitle: subtitle,
            scroller: scroller, log: log, pending: pending, announcer: announcer, notice: notice,
            endedBar: endedBar, form: form, input: input, attach: attach, send: send };
    }

    function grow() {
        ui.input.style.height = 'auto';
        ui.input.style.height = Math.min(ui.input.scrollHeight, 140) + 'px';
    }

    function setOpen(open, quietly) {
        ui.panel.hidden = !open;
        ui.root.classList.toggle('pw-is-open', open);
        ui.launcher.setAttribute('aria-expanded', String(open));
        ui.launcher.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
        state.open = open;
        save();
        watchOpen();
        if (!open) {
            if (!quietly) {
                ui.launcher.focus();
            }
            return;
        }
        unread = 0;
        showBadge();
        scrollDown();
        if (!quietly && !TOUCH) {
            focusFirst();
        }
        ensureConversation();
    }

    function focusFirst() {
        var card = ui.log.querySelector('.prl-registration input:not(:disabled)');
        (card || ui.input).focus();
    }

    function showBadge() {
        ui.badge.hidden = unread === 0;
        ui.badge.textContent = unread > 9 ? '9+' : String(unread);
        ui.launcher.setAttribute('aria-label', ui.panel.hidden
            ? 'Open chat' + (unread ? ' (' + unread + ' new)' : '') : 'Close chat');
    }

    function scrollDown() {
        ui.scroller.scrollTop = ui.scroller.scrollHeight;
    }

    function notify(text) {
        ui.notice.hidden = !text;
        ui.notice.textContent = text || '';
    }

    function headers(json) {
        var h = { Authorization: 'Bearer ' + state.contact_token };
        if (json) {
            h['Content-Type'] = 'application/json';
        }
        return h;
    }

    /** fetch that resolves to the JSON answer, or rejects with { status, code, message }; signal aborts it. */
    function call(method, path, body, isForm, signal) {
        var init = { method: method, headers: state.contact_token ? headers(!isForm) : { 'Content-Type': 'application/json' } };
        if (body !== undefined) {
            init.body = isForm ? body : JSON.stringify(body);
        }
        if (signal) {
            init.signal = signal;
        }
        return fetch(api + path, init).then(function (res) {
            return res.text().then(function (text) {
                var json = null;
                try {
                    json = text ? JSON.parse(text) : null;
                } catch (e) {
                    json = null;
                }
                if (!res.ok) {
                    var err = (json && json.error) || {};
                    throw { status: res.status, code: err.code || '', message: err.message || 'Request failed (' + res.status + ')' };
                }
                return json;
            });
        }, function () {
            throw { status: 0, code: 'network', message: 'No connection to the chat service.' };
        });
    }

    function randomId() {
        if (window.crypto && crypto.randomUUID) {
            return crypto.randomUUID();
        }
        var bytes = new Uint8Array(16);
        crypto.getRandomValues(bytes);
        return Array.prototype.map.call(bytes, function (b) {
            return ('0' + b.toString(16)).slice(-2);
        }).join('');
    }

    /** Opens a conversation unless one is stored; resolves when there is one. */
    function ensureConversation() {
        if (checking) {
            return checking.then(ensureConversation);
        }
        if (state.conversation_id) {
            connect();
            return Promise.resolve();
        }
        if (opening) {
            return opening;
        }
        var body = { contact: {}, page_url: location.href.slice(0, 2000) };
        if (Object.keys(pendingTags).length) {
            body.page_tags = pendingTags;
        }
        if (state.contact_token) {
            body.contact_token = state.contact_token;
        }
        opening = call('POST', '/widgets/' + encodeURIComponent(widgetId) + '/conversations', body)
            .then(function (opened) {
                pendingTags = {};
                state.contact_token = opened.contact_token;
                state.contact_id = opened.contact_id;
                state.conversation_id = opened.conversation_id;
                state.seen = 0;
                save();
                notify('');
                connect();
            }, function (err) {
                if (err.status === 401 && state.contact_token) {
                    state = { open: state.open };
                    save();
                    opening = null;
                    return ensureConversation();
                }
                notify('The chat is not available right now: ' + err.message);
            })
            .then(function () {
                opening = null;
            });
        return opening;
    }

    /** Leaves the shown conversation for another one (null: none until the contact writes). */
    function switchTo(conversationId) {
        disconnect();
        transcript.clear();
        ui.pending.textContent = '';
        state.conversation_id = conversationId;
        state.seen = 0;
        setEnded(false);
        save();
    }

    function restartConversation() {
        switchTo(null);
        ensureConversation().then(focusFirst);
    }

    /**
     * Signed visitor identity: the site's back end signed its logged-in user's external id, and Parley answers
     * with that contact's token and open conversations.
     */
    function identify(who) {
        if (!who || typeof who.external_id !== 'string' || typeof who.signature !== 'string') {
            console.warn('parley: identify needs { external_id: "…", signature: "…" } from the site\'s back end');
            return;
        }
        var body = { external_id: who.external_id, signature: who.signature };
        if (state.contact_token) {
            body.contact_token = state.contact_token;
        }
        check(call('POST', '/widgets/' + encodeURIComponent(widgetId) + '/identify', body), function (err) {
            console.warn('parley: identify was refused: ' + err.message);
        });
    }

    /** A returning contact: the business may have opened a conversation with them since their last visit. */
    function checkOpen() {
        check(call('GET', '/widgets/' + encodeURIComponent(widgetId) + '/conversations'), function () {
            /* the stored conversation is shown as before; its stream reports a token that is no longer valid */
        });
    }

    /** Opening a conversation waits for the answer, which may change the contact or the conversation. */
    function check(answer, refused) {
        stopWatching();
        var done = answer.then(function (res) {
            adopt(res.contact_token || state.contact_token, res.contact_id || state.contact_id,
                res.conversations || []);
            watch.cursor = typeof res.cursor === 'number' ? res.cursor : null;
        }, function (err) {
            refused(err);
            adopt(state.contact_token, state.contact_id, []);
        }).then(function () {
            if (checking === done) {
                checking = null;
                watchOpen();
            }
        });
        checking = done;
    }

    /**
     * While the page is open and the visitor is not chatting (the chat is closed, or its conversation ended),
     * long-polls for conversations the business starts with them: a new one is adopted as on a page load, so a
     * Braze outreach pops up within seconds. Stops while the page is hidden; pauses longer after each failure.
     */
    function watchOpen() {
        if (!watchWanted()) {
            stopWatching();
            return;
        }
        // starts after the caller's other changes (switching conversations, popping up) are made
        Promise.resolve().then(function () {
            if (watch.run || watch.timer || !watchWanted()) {
                return;
            }
            var run = new AbortController();
            watch.run = run;
            var query = watch.cursor === null ? '' : '?wait=' + WATCH_WAIT + '&after=' + watch.cursor;
            call('GET', '/widgets/' + encodeURIComponent(widgetId) + '/conversations' + query, undefined, false,
                run.signal).then(function (res) {
                if (watch.run !== run) {
                    return;
                }
                watch.run = null;
                watch.failures = 0;
                watch.cursor = res.cursor;
                if (res.conversations.length) {
                    adopt(state.contact_token, state.contact_id, res.conversations);
                }
                watchOpen();
            }, function (err) {
                if (watch.run !== run) {
                    return;
                }
                watch.run = null;
                if (err.status === 401) {
                    forget();
                } else if (err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429) {
                    watch.off = true;
                    console.warn('parley: not watching for new conversations: ' + err.message);
                } else {
                    watch.timer = setTimeout(function () {
                        watch.timer = null;
                        watchOpen();
                    }, backoff(++watch.failures));
                }
            });
        });
    }

    function watchWanted() {
        return Boolean(state.contact_token) && !checking && !watch.off && document.visibilityState !== 'hidden'
            && (ui.panel.hidden || ended);
    }

    function stopWatching() {
        clearTimeout(watch.timer);
        watch.timer = null;
        if (watch.run) {
            var run = watch.run;
            watch.run = null;
            run.abort();
        }
    }

    /**
     * Shows the contact's conversation: the newest open one when the business started it (it pops up), else
     * the stored one while it is open, else their newest open one.
     */
    function adopt(token, contactId, open) {
        if (token !== state.contact_token) {
            switchTo(null);
            state = { open: state.open, contact_token: token, contact_id: contactId };
            save();
        }
        var current = null;
        open.forEach(function (c) {
            if (c.conversation_id === state.conversation_id) {
                current = c;
            }
        });
        var newest = open[0];
        var pick = newest && newest.proactive ? newest : current || newest;
        if (pick && pick.conversation_id !== state.conversation_id) {
            switchTo(pick.conversation_id);
            if (pick.proactive) {
                setOpen(true, true);
            }
        }
        connect();
    }

    /** The site's user logged out: forget their contact on this browser. */
    function logout() {
        setOpen(false, true);
        unread = 0;
        showBadge();
        forget();
    }

    function setEnded(value) {
        ended = value;
        ui.endedBar.hidden = !value;
        ui.form.hidden = value;
        if (value && ui.host.shadowRoot.activeElement === ui.input) {
            ui.endedBar.querySelector('button').focus();
        }
        watchOpen();
    }

    function disconnect() {
        clearTimeout(reconnectTimer);
        if (socket) {
            var s = socket;
            socket = null;
            s.onclose = s.onmessage = s.onerror = null;
            s.close();
        }
        polling = false;
    }

    function connect() {
        if (socket || polling || !state.conversation_id) {
            return;
        }
        clearTimeout(reconnectTimer);
        if (typeof WebSocket === 'undefined' || (!everConnected && socketFailures >= 3)) {
            poll(state.conversation_id);
            return;
        }
        var url = api.replace(/^http/, 'ws') + '/conversations/' + encodeURIComponent(state.conversation_id)
            + '/stream?token=' + encodeURIComponent(state.contact_token) + '&after=' + transcript.lastSeq;
        var ws = new WebSocket(url);
        socket = ws;
        ws.onopen = function () {
            everConnected = true;
            socketFailures = 0;
            notify('');
        };
        ws.onmessage = function (e) {
            var m;
            try {
                m = JSON.parse(e.data);
            } catch (err) {
                return;
            }
            if (m.type === 'item') {
                receive(m);
            } else if (m.type === 'typing') {
                typing(m.active ? m.author : null);
            }
        };
        ws.onclose = function (e) {
            if (socket !== ws) {
                return;
            }
            socket = null;
            typing(null);
            if (e.code === 4401 || e.code === 4404) {
                forget();
                return;
            }
            socketFailures++;
            if (socketFailures > 1) {
                notify('Reconnecting…');
            }
            scheduleReconnect();
        };
    }

    function scheduleReconnect() {
        clearTimeout(reconnectTimer);
        reconnectTimer = setTimeout(connect, backoff(socketFailures));
    }

    /** The pause before retry number `failures`: doubling up to MAX_BACKOFF, with jitter. */
    function backoff(failures) {
        var delay = Math.min(MAX_BACKOFF, 500 * Math.pow(2, Math.min(failures, 8)));
        return delay / 2 + Math.random() * delay / 2;
    }

    /** Long polling, for networks that block WebSockets. */
    function poll(conversationId) {
        polling = true;
        call('GET', '/conversations/' + encodeURIComponent(conversationId) + '/messages?wait=25&after='
            + transcript.lastSeq).then(function (res) {
            if (!polling || state.conversation_id !== conversationId) {
                return;
            }
            (res.items || []).forEach(receive);
            poll(conversationId);
        }, function (err) {
            if (err.status === 401 || err.status === 404) {
                polling = false;
                forget();
                return;
            }
            setTimeout(function () {
                if (polling && state.conversation_id === conversationId) {
                    poll(conversationId);
                }
            }, 3000);
        });
    }

    /** The stored conversation is gone (token revoked, database reset): start afresh when asked. */
    function forget() {
        disconnect();
        transcript.clear();
        state = { open: state.open };
        save();
        watch.cursor = null;
        watchOpen();
        if (!ui.panel.hidden) {
            ensureConversation();
        }
    }

    function receive(item) {
        var isNew = item.seq > (state.seen || 0);
        var nearBottom = ui.scroller.scrollHeight - ui.scroller.scrollTop - ui.scroller.clientHeight < 80;
        if (!transcript.add(item)) {
            return;
        }
        var author = item.author || {};
        if (author.type === 'bot' || author.type === 'operator') {
            typing(null);
        }
        answering(item);
        if (author.type === 'contact') {
            dropPending(item);
        }
        if (item.packet.name === 'conversation_ended') {
            setEnded(true);
        }
        if (isNew) {
            state.seen = item.seq;
            save();
            if (author.type !== 'contact') {
                ui.announcer.textContent = (author.name ? author.name + ': ' : '') + R.describe(item);
                if (ui.panel.hidden) {
                    unread++;
                    showBadge();
                }
            }
            if (item.packet.name === 'navigate') {
                var target = R.safeUrl(item.packet.payload && item.packet.payload.url);
                if (target) {
                    window.location.assign(target);
                }
            }
            if (item.packet.name === 'registration_request' && !ui.panel.hidden && !TOUCH) {
                focusFirst();
            }
        }
        if (isNew || nearBottom) {
            scrollDown();
        }
    }

    /** The header says who answers now, following the same items as the transcript's system lines. */
    function answering(item) {
        var author = item.author || {};
        var to = (item.packet.payload && item.packet.payload.to) || {};
        var name = item.packet.name;
        if (name === 'conversation_ended') {
            ui.subtitle.textContent = 'The conversation has ended';
        } else if (name === 'conversation_forwarded' && to.type === 'inbox') {
            ui.subtitle.textContent = 'Waiting for the next free colleague';
        } else if (name === 'conversation_forwarded' && to.type === 'operator') {
            ui.subtitle.textContent = 'You are chatting with ' + (to.name || 'us');
        } else if ((author.type === 'bot' || author.type === 'operator') && name !== 'conversation_forwarded') {
            ui.subtitle.textContent = 'You are chatting with ' + (author.name
                || (author.type === 'bot' ? 'our assistant' : 'us'));
        }
    }

    function typing(author) {
        clearTimeout(typingTimer);
        transcript.typing(author || null);
        if (author) {
            typingTimer = setTimeout(function () {
                transcript.typing(null);
            }, 35000);
            scrollDown();
        }
    }

    function pendingBubble(text) {
        var row = el('div', 'prl-item prl-from-contact prl-mine pw-pending-item');
        var column = el('div', 'prl-column');
        var meta = el('div', 'prl-meta');
        meta.appendChild(el('span', 'pw-sending', 'Sending…'));
        var bubble = el('div', 'prl-bubble');
        bubble.appendChild(el('div', 'prl-text', text));
        column.appendChild(meta);
        column.appendChild(bubble);
        row.appendChild(column);
        ui.pending.appendChild(row);
        scrollDown();
        return row;
    }

    function dropPending(item) {
        ui.pending.querySelectorAll('.pw-pending-item').forEach(function (row) {
            if (row.dataset.seq && Number(row.dataset.seq) <= item.seq) {
                row.remove();
            }
        });
    }

    function submit() {
        var body = ui.input.value.trim();
        if (!body || ended) {
            return;
        }
        ui.input.value = '';
        grow();
        deliver(body, randomId(), pendingBubble(body), 0);
    }

    /** Sends one message until it is stored; the same client_id makes retries safe. */
    function deliver(body, clientId, row, attempt) {
        ensureConversation().then(function () {
            if (!state.conversation_id) {
                throw { status: 0, message: 'The chat is not available right now.' };
            }
            return call('POST', '/conversations/' + encodeURIComponent(state.conversation_id) + '/messages',
                { body: body, client_id: clientId });
        }).then(function (res) {
            row.dataset.seq = String(res.seq);
            if (transcript.has(res.seq)) {
                row.remove();
            }
        }, function (err) {
            if (err.status === 0 && attempt < 6) {
                row.querySelector('.pw-sending').textContent = 'Waiting for connection…';
                setTimeout(function () {
                    deliver(body, clientId, row, attempt + 1);
                }, Math.min(MAX_BACKOFF, 1000 * Math.pow(2, attempt)));
                return;
            }
            failed(row, err, function () {
                deliver(body, clientId, row, 0);
            });
        });
    }

    function failed(row, err, retry) {
        if (err.code === 'conversation_ended') {
            row.remove();
            setEnded(true);
            return;
        }
        if (err.code === 'registration_required') {
            err = { status: err.status, message: 'please tell us your name and e-mail first.' };
            focusFirst();
        }
        var meta = row.querySelector('.prl-meta');
        meta.textContent = '';
        meta.appendChild(el('span', 'pw-failed', 'Not sent: ' + err.message));
        if (err.status === 0 || err.status >= 500 || err.status === 429) {
            var again = el('button', 'pw-retry', 'Retry');
            again.type = 'button';
            again.addEventListener('click', function () {
                meta.textContent = '';
                meta.appendChild(el('span', 'pw-sending', 'Sending…'));
                retry();
            });
            meta.appendChild(again);
        }
    }

    function choose(item, option) {
        return call('POST', '/conversations/' + encodeURIComponent(state.conversation_id) + '/clicks',
            { message_id: item.id, option_id: option.id }).catch(function (err) {
            if (err.code === 'conversation_ended') {
                setEnded(true);
            } else if (err.status !== 409) {
                notify(err.message);
            }
            throw err;
        });
    }

    function registerContact(item, who) {
        return call('POST', '/conversations/' + encodeURIComponent(state.conversation_id) + '/registration', who)
            .then(function () {
                ui.input.focus();
            });
    }

    function upload(file) {
        var row = pendingBubble('📎 ' + file.name);
        ensureConversation().then(function () {
            var form = new FormData();
            form.append('file', file, file.name);
            return call('POST', '/conversations/' + encodeURIComponent(state.conversation_id) + '/media', form, true);
        }).then(function (res) {
            row.dataset.seq = String(res.seq);
            if (transcript.has(res.seq)) {
                row.remove();
            }
        }, function (err) {
            failed(row, err, function () {
                row.remove();
                upload(file);
            });
        });
    }

    function tag(name, properties) {
        if (typeof name !== 'string' || !TAG_NAME.test(name)) {
            console.warn('parley: ignoring tag ' + JSON.stringify(name)
                + ' (use 1–100 letters, digits, _ . : -, starting with a letter or digit)');
            return;
        }
        var props = properties && typeof properties === 'object' && !Array.isArray(properties) ? properties : {};
        if (!state.conversation_id) {
            pendingTags[name] = props;
            return;
        }
        call('POST', '/conversations/' + encodeURIComponent(state.conversation_id) + '/events',
            { name: 'page_tag', tag: name, properties: props }).catch(function (err) {
            if (err.status === 0) {
                pendingTags[name] = props;
            } else {
                console.warn('parley: tag ' + name + ' was refused: ' + err.message);
            }
        });
    }

    function tagFromElement(element) {
        var name = element.getAttribute('data-parley-tag');
        if (!name || element.__parleyTagged === name) {
            return;
        }
        element.__parleyTagged = name;
        var props = {};
        var raw = element.getAttribute('data-parley-tag-properties');
        if (raw) {
            try {
                props = JSON.parse(raw);
            } catch (e) {
                console.warn('parley: data-parley-tag-properties of ' + name + ' is not JSON');
            }
        }
        tag(name, props);
    }

    function scanTags(rootNode) {
        if (rootNode.nodeType !== 1) {
            return;
        }
        if (rootNode.hasAttribute('data-parley-tag')) {
            tagFromElement(rootNode);
        }
        rootNode.querySelectorAll('[data-parley-tag]').forEach(tagFromElement);
    }

    function command(args) {
        var name = args[0];
        if (name === 'tag') {
            tag(args[1], args[2]);
        } else if (name === 'open') {
            setOpen(true);
        } else if (name === 'close') {
            setOpen(false);
        } else if (name === 'identify') {
            identify(args[1]);
        } else if (name === 'logout') {
            logout();
        } else {
            console.warn('parley: unknown command ' + JSON.stringify(name));
        }
    }

    var queued = (window.parley && window.parley.q) || [];
    window.parley = function () {
        command(arguments);
    };
    scanTags(document.documentElement);
    if (script.dataset.parleyExternalId || script.dataset.parleySignature) {
        identify({ external_id: script.dataset.parleyExternalId, signature: script.dataset.parleySignature });
    }
    queued.forEach(command);
    new MutationObserver(function (changes) {
        changes.forEach(function (c) {
            if (c.type === 'attributes') {
                tagFromElement(c.target);
            } else {
                c.addedNodes.forEach(scanTags);
            }
        });
    }).observe(document.documentElement, { subtree: true, childList: true, attributes: true,
        attributeFilter: ['data-parley-tag'] });

    document.addEventListener('visibilitychange', watchOpen);
    window.addEventListener('online', function () {
        if (!socket && state.conversation_id) {
            socketFailures = 0;
            connect();
        }
        Object.keys(pendingTags).forEach(function (name) {
            if (state.conversation_id) {
                var props = pendingTags[name];
                delete pendingTags[name];
                tag(name, props);
            }
        });
    });

    if (!checking && state.contact_token) {
        checkOpen();
    }
    if (state.open || config.openAtLoad) {
        setOpen(true, true);
    }
})();
