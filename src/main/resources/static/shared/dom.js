/*
 * Parley element helper — shared by the website widget and the operator console.
 *
 * A classic script (no modules, no build step) that defines one global, `ParleyDom`:
 *   ParleyDom.h(tag, props?, ...children) → Element
 *       props are set as DOM properties (never innerHTML); `className`, `dataset` (copied), `attrs` (set with
 *       setAttribute), `on<event>` (listeners). Children are nodes or texts (as text nodes), nested arrays
 *       are flattened, null/undefined/false are skipped.
 *   ParleyDom.fill(node, ...children) → node    replaces the children of node
 *   ParleyDom.icon(path) → SVGElement            a 24×24 line icon of one SVG path, hidden from screen readers
 */
(function (root) {
    'use strict';

    var SVG = 'http://www.w3.org/2000/svg';

    function append(node, children) {
        children.forEach(function (child) {
            if (Array.isArray(child)) {
                append(node, child);
            } else if (child !== undefined && child !== null && child !== false) {
                node.appendChild(child instanceof root.Node ? child : document.createTextNode(String(child)));
            }
        });
    }

    function h(tag, props) {
        var node = document.createElement(tag);
        Object.keys(props || {}).forEach(function (key) {
            var value = props[key];
            if (value === undefined || value === null) {
                return;
            }
            if (key === 'dataset') {
                Object.keys(value).forEach(function (k) {
                    node.dataset[k] = String(value[k]);
                });
            } else if (key === 'attrs') {
                Object.keys(value).forEach(function (name) {
                    node.setAttribute(name, String(value[name]));
                });
            } else if (key.indexOf('on') === 0) {
                node.addEventListener(key.slice(2), value);
            } else if (key === 'innerHTML' || key === 'outerHTML') {
                throw new Error('markup is never set from data');
            } else {
                node[key] = value;
            }
        });
        append(node, Array.prototype.slice.call(arguments, 2));
        return node;
    }

    function fill(node) {
        node.textContent = '';
        append(node, Array.prototype.slice.call(arguments, 1));
        return node;
    }

    function icon(path) {
        var svg = document.createElementNS(SVG, 'svg');
        svg.setAttribute('viewBox', '0 0 24 24');
        svg.setAttribute('aria-hidden', 'true');
        svg.setAttribute('focusable', 'false');
        var p = document.createElementNS(SVG, 'path');
        p.setAttribute('d', path);
        svg.appendChild(p);
        return svg;
    }

    root.ParleyDom = { h: h, fill: fill, icon: icon };
})(window);
