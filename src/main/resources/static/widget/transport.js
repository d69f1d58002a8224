/*
 * Widget module: how the widget talks to Parley.
 *   Client   the contact API over fetch (JSON in and out; errors as { status, code, message })
 *   Stream   a conversation's live items: a WebSocket, or long polling where sockets are blocked
 *   Watch    the long poll for conversations the business starts while the visitor is not chatting
 * Reconnects pause with the shared ParleyBackoff.Retry.
 */
(function (W) {
    'use strict';

    var WATCH_WAIT = 25;
    var POLL_WAIT = 25;

    /** `token()` answers the contact token, if there is one yet. */
    W.Client = function (api, t, token) {
        function headers(json) {
            var h = {};
            if (token()) {
                h.Authorization = 'Bearer ' + token();
            }
            if (json) {
                h['Content-Type'] = 'application/json';
            }
            return h;
        }

        /** fetch that resolves to the JSON answer, or rejects with { status, code, message }; signal aborts it. */
        function call(method, path, body, isForm, signal) {
            var init = { method: method, headers: headers(!isForm) };
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
                        throw { status: res.status, code: err.code || '',
                            message: err.message || t('error.request', { status: res.status }) };
                    }
                    return json;
                });
            }, function () {
                throw { status: 0, code: 'network', message: t('error.network') };
            });
        }

        return { call: call };
    };

    /**
     * handlers: item(item), typing(author|null), gone() (token or conversation no longer valid),
     * connection(ok) (false after repeated socket failures, true when connected again).
     */
    W.Stream = function (api, client, handlers) {
        var socket = null;
        var polling = false;
        var everConnected = false;
        var retry = new ParleyBackoff.Retry({ first: 500, max: 30000 });
        var target = null; // { conversationId, token, after() }

        function open(conversationId, token, after) {
            target = { conversationId: conversationId, token: token, after: after };
            connect();
        }

        function connected() {
            return Boolean(socket || polling);
        }

        function close() {
            retry.cancel();
            if (socket) {
                var s = socket;
                socket = null;
                s.onclose = s.onmessage = s.onerror = null;
                s.close();
            }
            polling = false;
            target = null;
        }

        function connect() {
            if (connected() || !target) {
                return;
            }
            retry.cancel();
            if (typeof WebSocket === 'undefined' || (!everConnected && retry.failures >= 3)) {
                poll(target);
                return;
            }
            var url = api.replace(/^http/, 'ws') + '/conversations/' + encodeURIComponent(target.conversationId)
                + '/stream?token=' + encodeURIComponent(target.token) + '&after=' + target.after();
            var ws = new WebSocket(url);
            socket = ws;
            ws.onopen = function () {
                everConnected = true;
                retry.reset();
                handlers.connection(true);
            };
            ws.onmessage = function (e) {
                var m;
                try {
                    m = JSON.parse(e.data);
                } catch (err) {
                    return;
                }
                if (m.type === 'item') {
                    handlers.item(m);
                } else if (m.type === 'typing') {
                    handlers.typing(m.active ? m.author : null);
                }
            };
            ws.onclose = function (e) {
                if (socket !== ws) {
                    return;
                }
                socket = null;
                handlers.typing(null);
                if (e.code === 4401 || e.code === 4404) {
                    target = null;
                    handlers.gone();
                    return;
                }
                if (retry.failures > 0) {
                    handlers.connection(false);
                }
                retry.schedule(connect);
            };
        }

        /** Long polling, for networks that block WebSockets. */
        function poll(current) {
            polling = true;
            client.call('GET', '/conversations/' + encodeURIComponent(current.conversationId) + '/messages?wait='
                + POLL_WAIT + '&after=' + current.after()).then(function (res) {
                if (!polling || target !== current) {
                    return;
                }
                (res.items || []).forEach(handlers.item);
                poll(current);
            }, function (err) {
                if (target !== current) {
                    return;
                }
                if (err.status === 401 || err.status === 404) {
                    polling = false;
                    target = null;
                    handlers.gone();
                    return;
                }
                setTimeout(function () {
                    if (polling && target === current) {
                        poll(current);
                    }
                }, 3000);
            });
        }

        /** The browser is online again: try the socket at once. */
        function online() {
            if (!socket && target) {
                retry.reset();
                connect();
            }
        }

        return { open: open, close: close, connected: connected, online: online };
    };

    /**
     * While wanted() (the page is open and the visitor is not chatting), long-polls for conversations the business
     * starts with them. handlers: wanted() → boolean, found(conversations), gone() (the token is no longer valid).
     */
    W.Watch = function (client, widgetId, handlers) {
        var run = null;
        var off = false;
        var retry = new ParleyBackoff.Retry({ first: 500, max: 30000 });
        var watch = { cursor: null };

        function wanted() {
            return !off && document.visibilityState !== 'hidden' && handlers.wanted();
        }

        function kick() {
            if (!wanted()) {
                stop();
                return;
            }
            // starts after the caller's other changes (switching conversations, popping up) are made
            Promise.resolve().then(function () {
                if (run || retry.timer || !wanted()) {
                    return;
                }
                var mine = new AbortController();
                run = mine;
                var query = watch.cursor === null ? '' : '?wait=' + WATCH_WAIT + '&after=' + watch.cursor;
                client.call('GET', '/widgets/' + encodeURIComponent(widgetId) + '/conversations' + query, undefined,
                    false, mine.signal).then(function (res) {
                    if (run !== mine) {
                        return;
                    }
                    run = null;
                    retry.reset();
                    watch.cursor = res.cursor;
                    if (res.conversations.length) {
                        handlers.found(res.conversations);
                    }
                    kick();
                }, function (err) {
                    if (run !== mine) {
                        return;
                    }
                    run = null;
                    if (err.status === 401) {
                        handlers.gone();
                    } else if (err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429) {
                        off = true;
                        console.warn('parley: not watching for new conversations: ' + err.message);
                    } else {
                        retry.schedule(kick);
                    }
                });
            });
        }

        function stop() {
            retry.cancel();
            if (run) {
                var mine = run;
                run = null;
                mine.abort();
            }
        }

        watch.kick = kick;
        watch.stop = stop;
        return watch;
    };
})(window.ParleyWidget = window.ParleyWidget || {});
