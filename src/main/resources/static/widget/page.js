/*
 * Widget module: the page API. parley('tag', name, properties?), parley('open'), parley('close'),
 * parley('identify', { external_id, signature }), parley('logout'), and data-parley-tag attributes on the
 * page's elements (also those added later). Calls made before the script loaded were queued by the embed
 * stub in parley.q and run when the page API starts.
 */
(function (W) {
    'use strict';

    var TAG_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

    /**
     * Page tags: sent to the conversation when there is one (conversationId() answers it), otherwise kept
     * until the conversation is opened (take()) or the network is back (flush()).
     */
    W.Tags = function (client, conversationId) {
        var pending = {};

        function tag(name, properties) {
            if (typeof name !== 'string' || !TAG_NAME.test(name)) {
                console.warn('parley: ignoring tag ' + JSON.stringify(name)
                    + ' (use 1–100 letters, digits, _ . : -, starting with a letter or digit)');
                return;
            }
            var props = properties && typeof properties === 'object' && !Array.isArray(properties) ? properties : {};
            if (!conversationId()) {
                pending[name] = props;
                return;
            }
            client.call('POST', '/conversations/' + encodeURIComponent(conversationId()) + '/events',
                { name: 'page_tag', tag: name, properties: props }).catch(function (err) {
                if (err.status === 0) {
                    pending[name] = props;
                } else {
                    console.warn('parley: tag ' + name + ' was refused: ' + err.message);
                }
            });
        }

        /** The kept tags, to send with a new conversation; forgets them. */
        function take() {
            var kept = pending;
            pending = {};
            return kept;
        }

        function flush() {
            if (conversationId()) {
                var kept = take();
                Object.keys(kept).forEach(function (name) {
                    tag(name, kept[name]);
                });
            }
        }

        return { tag: tag, take: take, flush: flush };
    };

    function tagFromElement(element, tags) {
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
        tags.tag(name, props);
    }

    function scanTags(node, tags) {
        if (node.nodeType !== 1) {
            return;
        }
        if (node.hasAttribute('data-parley-tag')) {
            tagFromElement(node, tags);
        }
        node.querySelectorAll('[data-parley-tag]').forEach(function (e) {
            tagFromElement(e, tags);
        });
    }

    /** Installs window.parley and runs the queued calls. actions: open(), close(), identify(who), logout(). */
    W.PageApi = function (tags, actions) {
        function command(args) {
            var name = args[0];
            if (name === 'tag') {
                tags.tag(args[1], args[2]);
            } else if (name === 'open') {
                actions.open();
            } else if (name === 'close') {
                actions.close();
            } else if (name === 'identify') {
                actions.identify(args[1]);
            } else if (name === 'logout') {
                actions.logout();
            } else {
                console.warn('parley: unknown command ' + JSON.stringify(name));
            }
        }

        var queued = (window.parley && window.parley.q) || [];
        window.parley = function () {
            command(arguments);
        };
        scanTags(document.documentElement, tags);
        return {
            start: function () {
                queued.forEach(command);
                new MutationObserver(function (changes) {
                    changes.forEach(function (c) {
                        if (c.type === 'attributes') {
                            tagFromElement(c.target, tags);
                        } else {
                            c.addedNodes.forEach(function (n) {
                                scanTags(n, tags);
                            });
                        }
                    });
                }).observe(document.documentElement, { subtree: true, childList: true, attributes: true,
                    attributeFilter: ['data-parley-tag'] });
            }
        };
    };
})(window.ParleyWidget = window.ParleyWidget || {});
