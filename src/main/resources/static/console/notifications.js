// Desktop notifications: a new conversation in the inbox, and new messages from contacts in my conversations
// or the inbox while I am looking elsewhere. Permission is asked only when the operator clicks the bell.
import {contactName, h} from './dom.js';
import {t, transcriptTexts} from './i18n.js';

const KEY = 'parley.console.notifications';

export class Notifier {
    constructor(me) {
        this.me = me;
        this.known = new Map(); // conversation id → {status, unread}
        this.button = h('button', {className: 'link notify-toggle', onclick: () => this.toggle()});
        this.render();
    }

    /** On unless the operator turned them off; shown only once the browser allows them. */
    get enabled() {
        return localStorage.getItem(KEY) !== 'off' && 'Notification' in window
            && Notification.permission === 'granted';
    }

    async toggle() {
        if (!('Notification' in window)) {
            return;
        }
        if (Notification.permission === 'default') {
            await Notification.requestPermission();
            localStorage.setItem(KEY, 'on');
        } else if (Notification.permission === 'granted') {
            localStorage.setItem(KEY, this.enabled ? 'off' : 'on');
        }
        this.render();
    }

    render() {
        const supported = 'Notification' in window;
        const denied = supported && Notification.permission === 'denied';
        this.button.hidden = !supported;
        this.button.disabled = denied;
        this.button.dataset.state = this.enabled ? 'on' : 'off';
        this.button.textContent = this.enabled ? t('notifications.on') : t('notifications.off');
        this.button.title = denied ? t('notifications.blocked')
            : this.enabled ? t('notifications.turnOff') : t('notifications.turnOn');
    }

    /** A list entry from the stream; `openId` is the conversation on screen. */
    changed(c, openId) {
        const before = this.known.get(c.id);
        this.known.set(c.id, {status: c.status, unread: c.unread || 0});
        if (!this.enabled || c.id === openId && document.visibilityState === 'visible') {
            return;
        }
        const mine = c.status === 'assigned' && c.assignee && c.assignee.id === this.me.id;
        const name = contactName(c.contact);
        if (c.status === 'inbox' && (!before || before.status !== 'inbox')) {
            this.show(c, t('notifications.newConversation'), name + this.preview(c));
        } else if ((mine || c.status === 'inbox') && before && (c.unread || 0) > before.unread) {
            this.show(c, name, this.preview(c).replace(/^: /, '') || t('notifications.newMessage'));
        }
    }

    preview(c) {
        const item = c.last_item;
        return item && item.author.type === 'contact' ? ': ' + window.ParleyRender.describe(item, transcriptTexts) : '';
    }

    show(c, title, body) {
        const n = new Notification(title, {body, tag: 'parley-' + c.id});
        n.onclick = () => {
            window.focus();
            location.hash = '#/' + (c.status === 'inbox' ? 'inbox' : 'mine') + '/' + encodeURIComponent(c.id);
            n.close();
        };
    }
}
