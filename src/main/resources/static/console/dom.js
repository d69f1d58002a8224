// Builds DOM nodes. Text always goes in as text nodes; nothing here parses markup.

/**
 * h('button', {className: 'x', onclick: fn, disabled: true, dataset: {id: 1}, attrs: {'aria-label': 'y'}}, 'Label', child)
 * Properties are set as DOM properties (never innerHTML); `attrs` are set with setAttribute.
 */
export function h(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
        if (value === undefined || value === null) {
            continue;
        }
        if (key === 'dataset') {
            Object.assign(node.dataset, value);
        } else if (key === 'attrs') {
            for (const [name, v] of Object.entries(value)) {
                node.setAttribute(name, String(v));
            }
        } else if (key.startsWith('on')) {
            node.addEventListener(key.slice(2), value);
        } else if (key === 'innerHTML' || key === 'outerHTML') {
            throw new Error('markup is never set from data');
        } else {
            node[key] = value;
        }
    }
    append(node, children);
    return node;
}

function append(node, children) {
    for (const child of children.flat(Infinity)) {
        if (child === undefined || child === null || child === false) {
            continue;
        }
        node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** Replaces the children of `node`. */
export function fill(node, ...children) {
    node.textContent = '';
    append(node, children);
    return node;
}

/** A short local date and time of an ISO instant. */
export function when(iso) {
    const d = new Date(iso);
    if (isNaN(d.getTime())) {
        return '';
    }
    const today = new Date();
    const sameDay = d.toDateString() === today.toDateString();
    return sameDay ? d.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'})
        : d.toLocaleDateString([], {day: 'numeric', month: 'short'}) + ' '
        + d.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
}

/** Copies text to the clipboard; resolves to true when it worked. */
export async function copy(text, button) {
    let ok = false;
    try {
        await navigator.clipboard.writeText(text);
        ok = true;
    } catch (e) {
        ok = false;
    }
    if (button) {
        const label = button.textContent;
        button.textContent = ok ? 'Copied' : 'Copy failed — select and copy';
        setTimeout(() => { button.textContent = label; }, 1500);
    }
    return ok;
}

/** A labelled form field. */
export function field(label, input, hint) {
    return h('label', {className: 'field'}, h('span', {className: 'field-label'}, label), input,
        hint ? h('span', {className: 'field-hint'}, hint) : null);
}

/** A message line for errors or notices, empty until set. */
export function notice(kind) {
    return h('p', {className: 'notice ' + (kind || 'error'), attrs: {role: 'status'}});
}

/** A contact's name, or a stable readable one for an anonymous visitor ("Visitor 4F2A", from their id). */
export function contactName(contact) {
    const c = contact || {};
    return c.name || 'Visitor ' + String(c.id || '').slice(-4).toUpperCase();
}
