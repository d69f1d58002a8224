/*
 * Widget module: the widget's elements inside their shadow root — launcher, panel, header, transcript,
 * composer — and what changes how they look. Texts come from the "widget" catalog through `t`; behaviour is
 * wired by the caller through `actions` (toggle, close, submit, upload, restart).
 */
(function (W) {
    'use strict';

    var h = ParleyDom.h;
    var icon = ParleyDom.icon;
    var CROSS = 'M6 6l12 12M18 6L6 18';

    function launcherButton(t) {
        var openIcon = icon('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z');
        openIcon.classList.add('pw-icon-open');
        var closeIcon = icon(CROSS);
        closeIcon.classList.add('pw-icon-close');
        var badge = h('span', { className: 'pw-badge', hidden: true });
        var launcher = h('button', { type: 'button', className: 'pw-launcher', attrs: { 'aria-label': t('launcher.open'),
            'aria-expanded': 'false', 'aria-controls': 'pw-panel' } }, openIcon, closeIcon, badge);
        return { launcher: launcher, badge: badge };
    }

    function composer(t, actions) {
        var file = h('input', { type: 'file', hidden: true, tabIndex: -1, onchange: function () {
            if (file.files && file.files[0]) {
                actions.upload(file.files[0]);
            }
            file.value = '';
        } });
        var input = h('textarea', { id: 'pw-input', className: 'pw-input', rows: 1, maxLength: 5000,
            placeholder: t('composer.placeholder'), attrs: { enterkeyhint: 'send' } });
        var form = h('form', { className: 'pw-composer', onsubmit: function (e) {
            e.preventDefault();
            actions.submit();
        } }, file,
            h('button', { type: 'button', className: 'pw-attach', attrs: { 'aria-label': t('composer.attach') },
                onclick: function () {
                    file.click();
                } }, icon('M16.5 6.5l-7.8 7.8a2 2 0 0 0 2.8 2.8l7.8-7.8a4 4 0 0 0-5.7-5.7l-7.8 7.8a6 6 0 0 0 8.5 8.5l6.4-6.4')),
            h('label', { className: 'prl-visually-hidden', htmlFor: 'pw-input' }, t('composer.label')),
            input,
            h('button', { type: 'submit', className: 'pw-send', attrs: { 'aria-label': t('composer.send') } },
                icon('M3 20l18-8L3 4v6l12 2-12 2z')));
        input.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                actions.submit();
            }
        });
        return { form: form, input: input };
    }

    /** config: { id, base, title, color, position }. */
    W.View = function (config, t, actions) {
        var host = h('div', { id: 'parley-widget-' + config.id.replace(/[^A-Za-z0-9_-]/g, ''),
            attrs: { 'data-parley-host': '' } });
        host.style.display = 'none';
        var shadow = host.attachShadow({ mode: 'open' });
        var show = function () {
            host.style.display = '';
        };
        shadow.appendChild(h('link', { rel: 'stylesheet', href: config.base + '/widget.css', onload: show,
            onerror: show }));

        var root = h('div', { className: 'pw-root pw-' + config.position, lang: t.language });
        if (config.color) {
            root.style.setProperty('--prl-accent', config.color);
        }
        var launch = launcherButton(t);
        var subtitle = h('p', { className: 'pw-subtitle' }, t('header.usually'));
        var log = h('div', { className: 'prl-transcript pw-log', tabIndex: 0, attrs: { role: 'log',
            'aria-live': 'off', 'aria-label': t('log.label') } });
        var pending = h('div', { className: 'pw-pending' });
        var scroller = h('div', { className: 'pw-scroller' }, log, pending);
        var announcer = h('div', { className: 'prl-visually-hidden', attrs: { 'aria-live': 'polite', role: 'status' } });
        var notice = h('div', { className: 'pw-notice', hidden: true, attrs: { role: 'alert' } });
        var endedBar = h('div', { className: 'pw-ended', hidden: true },
            h('button', { type: 'button', className: 'prl-primary pw-restart', onclick: actions.restart },
                t('ended.restart')));
        var compose = composer(t, actions);
        var panel = h('section', { id: 'pw-panel', className: 'pw-panel prl-transcript-host', hidden: true,
            attrs: { role: 'dialog', 'aria-labelledby': 'pw-title' },
            onkeydown: function (e) {
                if (e.key === 'Escape') {
                    e.preventDefault();
                    actions.close();
                }
            } },
            h('header', { className: 'pw-header' },
                h('div', { className: 'pw-titles' }, h('h2', { id: 'pw-title', className: 'pw-title' },
                    config.title || t('header.title')), subtitle),
                h('button', { type: 'button', className: 'pw-close', attrs: { 'aria-label': t('launcher.close') },
                    onclick: actions.close }, icon(CROSS))),
            scroller, notice, endedBar, compose.form, announcer);
        launch.launcher.addEventListener('click', actions.toggle);
        compose.input.addEventListener('input', grow);
        root.appendChild(panel);
        root.appendChild(launch.launcher);
        shadow.appendChild(root);
        (document.body || document.documentElement).appendChild(host);

        var ui = { host: host, root: root, launcher: launch.launcher, badge: launch.badge, panel: panel,
            subtitle: subtitle, scroller: scroller, log: log, pending: pending, announcer: announcer, notice: notice,
            endedBar: endedBar, form: compose.form, input: compose.input };

        function grow() {
            ui.input.style.height = 'auto';
            ui.input.style.height = Math.min(ui.input.scrollHeight, 140) + 'px';
        }

        function setOpen(open) {
            ui.panel.hidden = !open;
            ui.root.classList.toggle('pw-is-open', open);
            ui.launcher.setAttribute('aria-expanded', String(open));
        }

        function showBadge(unread) {
            ui.badge.hidden = unread === 0;
            ui.badge.textContent = unread > 9 ? '9+' : String(unread);
            ui.launcher.setAttribute('aria-label', !ui.panel.hidden ? t('launcher.close')
                : unread ? t('launcher.open.unread', { count: unread }) : t('launcher.open'));
        }

        function scrollDown() {
            ui.scroller.scrollTop = ui.scroller.scrollHeight;
        }

        function nearBottom() {
            return ui.scroller.scrollHeight - ui.scroller.scrollTop - ui.scroller.clientHeight < 80;
        }

        function notify(text) {
            ui.notice.hidden = !text;
            ui.notice.textContent = text || '';
        }

        function setEnded(ended) {
            ui.endedBar.hidden = !ended;
            ui.form.hidden = ended;
            if (ended && ui.host.shadowRoot.activeElement === ui.input) {
                ui.endedBar.querySelector('button').focus();
            }
        }

        function focusFirst() {
            var card = ui.log.querySelector('.prl-registration input:not(:disabled)');
            (card || ui.input).focus();
        }

        /** A message the contact sent that is not stored yet. */
        function pendingBubble(text) {
            var row = h('div', { className: 'prl-item prl-from-contact prl-mine pw-pending-item' },
                h('div', { className: 'prl-column' },
                    h('div', { className: 'prl-meta' }, h('span', { className: 'pw-sending' }, t('message.sending'))),
                    h('div', { className: 'prl-bubble' }, h('div', { className: 'prl-text' }, text))));
            ui.pending.appendChild(row);
            scrollDown();
            return row;
        }

        /** The header says who answers now, following the same items as the transcript's system lines. */
        function answering(item) {
            var author = item.author || {};
            var to = (item.packet.payload && item.packet.payload.to) || {};
            var name = item.packet.name;
            if (name === 'conversation_ended') {
                ui.subtitle.textContent = t('header.ended');
            } else if (name === 'conversation_forwarded' && to.type === 'inbox') {
                ui.subtitle.textContent = t('header.inbox');
            } else if (name === 'conversation_forwarded' && to.type === 'operator') {
                ui.subtitle.textContent = t('header.with', { name: to.name || t('header.us') });
            } else if ((author.type === 'bot' || author.type === 'operator') && name !== 'conversation_forwarded') {
                ui.subtitle.textContent = t('header.with', { name: author.name
                    || (author.type === 'bot' ? t('header.assistant') : t('header.us')) });
            }
        }

        ui.grow = grow;
        ui.setOpen = setOpen;
        ui.showBadge = showBadge;
        ui.scrollDown = scrollDown;
        ui.nearBottom = nearBottom;
        ui.notify = notify;
        ui.setEnded = setEnded;
        ui.focusFirst = focusFirst;
        ui.pendingBubble = pendingBubble;
        ui.answering = answering;
        return ui;
    };
})(window.ParleyWidget = window.ParleyWidget || {});
