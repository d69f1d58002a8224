/*
 * Widget module: the conversation — opening it, sending, receiving, switching to one the business started,
 * identifying the visitor — on top of storage, transport, view and page API. W.start(config, t, tt) runs the
 * widget with the widget catalog's translator t and the transcript catalog's tt.
 */
(function (W) {
    'use strict';
    var R = window.ParleyRender;
    // On touch screens focusing the input opens the keyboard, which hides the choices the bot just offered.
    var TOUCH = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;

    W.start = function (config, t, tt) {
        var api = config.base + '/api/web/v1';
        var store = W.Storage('parley:' + config.base + ':' + config.id);
        var state = store.load();
        var opening = null;
        var checking = null;
        var unread = 0;
        var ended = false;
        var typingTimer = null;
        var client = W.Client(api, t, function () {
            return state.contact_token;
        });
        var tags = W.Tags(client, function () {
            return state.conversation_id;
        });
        var stream = W.Stream(api, client, {
            item: receive,
            typing: typing,
            gone: forget,
            connection: function (ok) {
                ui.notify(ok ? '' : t('connection.reconnecting'));
            }
        });
        var watch = W.Watch(client, config.id, {
            wanted: function () {
                return Boolean(state.contact_token) && !checking && (ui.panel.hidden || ended);
            },
            found: function (conversations) {
                adopt(state.contact_token, state.contact_id, conversations);
            },
            gone: forget
        });
        var ui = W.View(config, t, {
            toggle: function () {
                setOpen(ui.panel.hidden);
            },
            close: function () {
                setOpen(false);
            },
            submit: submit,
            upload: upload,
            restart: restartConversation
        });
        var offline = W.Offline(client, t, ui, function (suffix) {
            return state.conversation_id ? conversationPath(suffix) : null;
        });
        var transcript = new R.Transcript(ui.log, { viewer: 'contact', onChoice: choose,
            onRegister: registerContact, text: tt, locale: config.timeLocale });

        function save() {
            store.save(state);
        }

        function conversationPath(suffix) {
            return '/conversations/' + encodeURIComponent(state.conversation_id) + suffix;
        }

        function setOpen(open, quietly) {
            ui.setOpen(open);
            state.open = open;
            save();
            watch.kick();
            if (!open) {
                ui.showBadge(unread);
                if (!quietly) {
                    ui.launcher.focus();
                }
                return;
            }
            unread = 0;
            ui.showBadge(unread);
            ui.scrollDown();
            if (!quietly && !TOUCH) {
                ui.focusFirst();
            }
            ensureConversation();
        }

        function connect() {
            if (state.conversation_id && !stream.connected()) {
                stream.open(state.conversation_id, state.contact_token, function () {
                    return transcript.lastSeq;
                });
                offline.check();
            }
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
            // the language the visitor reads the widget in: what Parley writes to them later (e-mails) is in it too
            var body = { contact: config.timeLocale ? { locale: String(config.timeLocale).slice(0, 35) } : {},
                page_url: location.href.slice(0, 2000) };
            var kept = tags.take();
            if (Object.keys(kept).length) {
                body.page_tags = kept;
            }
            if (state.contact_token) {
                body.contact_token = state.contact_token;
            }
            opening = client.call('POST', '/widgets/' + encodeURIComponent(config.id) + '/conversations', body)
                .then(function (opened) {
                    state.contact_token = opened.contact_token;
                    state.contact_id = opened.contact_id;
                    state.conversation_id = opened.conversation_id;
                    state.seen = 0;
                    save();
                    ui.notify('');
                    connect();
                }, function (err) {
                    Object.keys(kept).forEach(function (name) {
                        tags.tag(name, kept[name]);
                    });
                    if (err.status === 401 && state.contact_token) {
                        state = { open: state.open };
                        save();
                        opening = null;
                        return ensureConversation();
                    }
                    ui.notify(t('error.unavailable.because', { reason: err.message }));
                })
                .then(function () {
                    opening = null;
                });
            return opening;
        }

        /** Leaves the shown conversation for another one (null: none until the contact writes). */
        function switchTo(conversationId) {
            stream.close();
            transcript.clear();
            offline.remove();
            ui.pending.textContent = '';
            state.conversation_id = conversationId;
            state.seen = 0;
            setEnded(false);
            save();
        }

        function restartConversation() {
            switchTo(null);
            ensureConversation().then(ui.focusFirst);
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
            check(client.call('POST', '/widgets/' + encodeURIComponent(config.id) + '/identify', body), function (err) {
                console.warn('parley: identify was refused: ' + err.message);
            });
        }

        /** A returning contact: the business may have opened a conversation with them since their last visit. */
        function checkOpen() {
            check(client.call('GET', '/widgets/' + encodeURIComponent(config.id) + '/conversations'), function () {
                /* the stored conversation is shown as before; its stream reports a token that is no longer valid */
            });
        }

        /** Opening a conversation waits for the answer, which may change the contact or the conversation. */
        function check(answer, refused) {
            watch.stop();
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
                    watch.kick();
                }
            });
            checking = done;
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
            var current = open.filter(function (c) {
                return c.conversation_id === state.conversation_id;
            })[0];
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
            ui.showBadge(unread);
            forget();
        }

        function setEnded(value) {
            ended = value;
            ui.setEnded(value);
            watch.kick();
        }

        /** The stored conversation is gone (token revoked, database reset): start afresh when asked. */
        function forget() {
            stream.close();
            transcript.clear();
            offline.remove();
            state = { open: state.open };
            save();
            watch.cursor = null;
            watch.kick();
            if (!ui.panel.hidden) {
                ensureConversation();
            }
        }

        function receive(item) {
            var isNew = item.seq > (state.seen || 0);
            var nearBottom = ui.nearBottom();
            if (!transcript.add(item)) {
                return;
            }
            var author = item.author || {};
            if (author.type === 'bot' || author.type === 'operator') {
                typing(null);
            }
            if (author.type === 'operator' || item.packet.name === 'conversation_ended') {
                offline.remove();
            } else if (isNew && item.packet.name === 'conversation_forwarded') {
                offline.check();
            }
            ui.answering(item);
            if (author.type === 'contact') {
                dropPending(item);
            }
            if (item.packet.name === 'conversation_ended') {
                setEnded(true);
            }
            if (isNew) {
                noticeNew(item, author);
            }
            if (isNew || nearBottom) {
                ui.scrollDown();
            }
        }

        function noticeNew(item, author) {
            state.seen = item.seq;
            save();
            if (author.type !== 'contact') {
                ui.announcer.textContent = (author.name ? author.name + ': ' : '') + R.describe(item, tt);
                if (ui.panel.hidden) {
                    unread++;
                    ui.showBadge(unread);
                }
            }
            if (item.packet.name === 'navigate') {
                var target = R.safeUrl(item.packet.payload && item.packet.payload.url);
                if (target) {
                    window.location.assign(target);
                }
            }
            if (item.packet.name === 'registration_request' && !ui.panel.hidden && !TOUCH) {
                ui.focusFirst();
            }
        }

        function typing(author) {
            clearTimeout(typingTimer);
            transcript.typing(author || null);
            if (author) {
                typingTimer = setTimeout(function () {
                    transcript.typing(null);
                }, 35000);
                ui.scrollDown();
            }
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
            ui.grow();
            deliver(body, randomId(), ui.pendingBubble(body), new ParleyBackoff.Retry({ first: 1000, max: 30000 }));
        }

        /** Sends one message until it is stored; the same client_id makes retries safe. */
        function deliver(body, clientId, row, retry) {
            ensureConversation().then(function () {
                if (!state.conversation_id) {
                    throw { status: 0, message: t('error.unavailable') };
                }
                return client.call('POST', conversationPath('/messages'), { body: body, client_id: clientId });
            }).then(function (res) {
                stored(row, res);
            }, function (err) {
                if (err.status === 0 && retry.failures < 6) {
                    row.querySelector('.pw-sending').textContent = t('message.waiting');
                    retry.schedule(function () {
                        deliver(body, clientId, row, retry);
                    });
                    return;
                }
                failed(row, err, function () {
                    retry.reset();
                    deliver(body, clientId, row, retry);
                });
            });
        }

        function stored(row, res) {
            row.dataset.seq = String(res.seq);
            if (transcript.has(res.seq)) {
                row.remove();
            }
        }

        function failed(row, err, again) {
            if (err.code === 'conversation_ended') {
                row.remove();
                setEnded(true);
                return;
            }
            var reason = err.message;
            if (err.code === 'registration_required') {
                reason = t('message.register.first');
                ui.focusFirst();
            }
            var meta = ParleyDom.fill(row.querySelector('.prl-meta'),
                ParleyDom.h('span', { className: 'pw-failed' }, t('message.failed', { reason: reason })));
            if (err.status === 0 || err.status >= 500 || err.status === 429) {
                meta.appendChild(ParleyDom.h('button', { type: 'button', className: 'pw-retry', onclick: function () {
                    ParleyDom.fill(meta, ParleyDom.h('span', { className: 'pw-sending' }, t('message.sending')));
                    again();
                } }, t('message.retry')));
            }
        }

        function choose(item, option) {
            return client.call('POST', conversationPath('/clicks'), { message_id: item.id, option_id: option.id })
                .catch(function (err) {
                    if (err.code === 'conversation_ended') {
                        setEnded(true);
                    } else if (err.status !== 409) {
                        ui.notify(err.message);
                    }
                    throw err;
                });
        }

        function registerContact(item, who) {
            return client.call('POST', conversationPath('/registration'), who).then(function () {
                ui.input.focus();
            });
        }

        function upload(file) {
            var row = ui.pendingBubble('📎 ' + file.name);
            ensureConversation().then(function () {
                var form = new FormData();
                form.append('file', file, file.name);
                return client.call('POST', conversationPath('/media'), form, true);
            }).then(function (res) {
                stored(row, res);
            }, function (err) {
                failed(row, err, function () {
                    row.remove();
                    upload(file);
                });
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

        var page = W.PageApi(tags, {
            open: function () {
                setOpen(true);
            },
            close: function () {
                setOpen(false);
            },
            identify: identify,
            logout: logout
        });
        if (config.externalId || config.signature) {
            identify({ external_id: config.externalId, signature: config.signature });
        }
        page.start();
        document.addEventListener('visibilitychange', watch.kick);
        window.addEventListener('online', function () {
            stream.online();
            tags.flush();
        });
        if (!checking && state.contact_token) {
            checkOpen();
        }
        if (state.open || config.openAtLoad) {
            setOpen(true, true);
        }
    };
})(window.ParleyWidget = window.ParleyWidget || {});
