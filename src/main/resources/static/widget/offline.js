/*
 * Widget module: when nobody is online. W.Offline(client, t, ui, path) asks Parley whether an operator of the
 * conversation's group is online (GET …/availability); when nobody is and Parley knows no e-mail address of the
 * visitor, a card below the transcript asks for one (PUT …/email), so an answer written while the visitor is
 * away reaches them by e-mail. path(suffix) is the conversation's API path, or null before there is one.
 */
(function (W) {
    'use strict';

    var h = ParleyDom.h;

    W.Offline = function (client, t, ui, path) {
        var card = null;
        var asking = 0;

        function remove() {
            if (card) {
                card.remove();
                card = null;
            }
        }

        /** Asks Parley again; shows or removes the card. */
        function check() {
            var at = path('/availability');
            if (!at) {
                remove();
                return;
            }
            var round = ++asking;
            client.call('GET', at).then(function (res) {
                if (round !== asking) {
                    return;
                }
                if (res.ask_for_email) {
                    show();
                } else if (!card || !card.classList.contains('pw-offline-done')) {
                    remove();
                }
            }, function () {
                /* without an answer the widget does not ask; the next check may */
            });
        }

        function show() {
            if (card) {
                return;
            }
            var input = h('input', { id: 'pw-offline-email', className: 'prl-input', type: 'email', required: true,
                maxLength: 254, autocomplete: 'email', placeholder: t('offline.placeholder') });
            var error = h('p', { className: 'prl-form-error', attrs: { role: 'alert' } });
            var button = h('button', { type: 'submit', className: 'prl-primary' }, t('offline.submit'));
            card = h('form', { className: 'pw-offline', noValidate: true, onsubmit: function (e) {
                e.preventDefault();
                submit(input, error, button);
            } },
                h('p', { className: 'pw-offline-intro' }, t('offline.intro')),
                h('label', { className: 'prl-field-label', htmlFor: 'pw-offline-email' }, t('offline.label')),
                input, error, button);
            ui.scroller.insertBefore(card, ui.pending);
            if (ui.subtitle.textContent === t('header.usually')) {
                ui.subtitle.textContent = t('header.offline'); // "within minutes" is not true while nobody is online
            }
            ui.scrollDown();
        }

        function submit(input, error, button) {
            var email = input.value.trim();
            if (!input.checkValidity() || !email) {
                error.textContent = t('offline.invalid');
                input.focus();
                return;
            }
            error.textContent = '';
            button.disabled = true;
            client.call('PUT', path('/email'), { email: email }).then(function (res) {
                var done = h('p', { className: 'pw-offline pw-offline-done', attrs: { role: 'status' } },
                    t('offline.done', { email: res.email }));
                card.replaceWith(done);
                card = done;
                ui.scrollDown();
            }, function (err) {
                button.disabled = false;
                error.textContent = err.code === 'invalid_field' ? t('offline.invalid') : err.message;
                input.focus();
            });
        }

        return { check: check, remove: remove };
    };
})(window.ParleyWidget = window.ParleyWidget || {});
