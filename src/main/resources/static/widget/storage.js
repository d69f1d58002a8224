/*
 * Widget module: what the widget remembers in this browser (contact token, conversation, last seen seq, open
 * or closed), per Parley server and widget id. Storage may be full or blocked: the chat then still works for
 * the page, it is just forgotten on the next one.
 */
(function (W) {
    'use strict';

    W.Storage = function (key) {
        return {
            load: function () {
                try {
                    var s = JSON.parse(localStorage.getItem(key) || 'null');
                    return s && typeof s.contact_token === 'string' ? s : {};
                } catch (e) {
                    return {};
                }
            },
            save: function (state) {
                try {
                    localStorage.setItem(key, JSON.stringify(state));
                } catch (e) {
                    /* storage full or blocked: the conversation still works for this page */
                }
            }
        };
    };
})(window.ParleyWidget = window.ParleyWidget || {});
