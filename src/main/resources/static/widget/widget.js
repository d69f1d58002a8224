/*
 * Parley website widget. Served as one script, /widget.js: the shared pieces (element helper, reconnect
 * pacing, message catalogs, transcript renderer), the widget's catalogs and modules (storage, transport,
 * view, page API), then this file, which ties them together. One embed snippet is enough:
 *   <script src="https://parley.example.com/widget.js" data-parley-widget="website" async></script>
 * Optional attributes on that tag: data-parley-title, data-parley-color (#rgb or #rrggbb),
 * data-parley-position ("right" | "left"), data-parley-open ("true" opens the chat at load),
 * data-parley-external-id and data-parley-signature (signed visitor identity, as parley('identify', …)).
 * The language is the widget's configured locale (widgets[].locale), else the browser's.
 */
(function (W) {
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
    var config = {
        id: widgetId,
        base: base,
        title: script.dataset.parleyTitle || '',
        color: /^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/.test(script.dataset.parleyColor || '')
            ? script.dataset.parleyColor : null,
        position: script.dataset.parleyPosition === 'left' ? 'left' : 'right',
        openAtLoad: script.dataset.parleyOpen === 'true',
        externalId: script.dataset.parleyExternalId,
        signature: script.dataset.parleySignature
    };

    /** The widget's configured locale, if the server has one for it; the browser's languages follow. */
    fetch(api + '/widgets/' + encodeURIComponent(widgetId) + '/settings').then(function (res) {
        return res.ok ? res.json() : {};
    }).catch(function () {
        return {};
    }).then(function (settings) {
        var browser = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
        var wanted = (settings.locale ? [settings.locale] : []).concat(browser);
        var language = ParleyI18n.pick('widget', wanted);
        // times as the visitor is used to them (en-GB: 24 h) when they read the widget's language, else its own
        config.timeLocale = browser.filter(function (tag) {
            return String(tag).toLowerCase().split('-')[0] === language;
        })[0] || settings.locale || language;
        W.start(config, ParleyI18n.translator('widget', language),
            ParleyI18n.translator('transcript', ParleyI18n.pick('transcript', wanted)));
    });
})(window.ParleyWidget = window.ParleyWidget || {});
