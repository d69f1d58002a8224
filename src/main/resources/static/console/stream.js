// The operator stream (/api/v1/stream): live list entries and the timelines of watched conversations.
// Reconnects by itself and resumes each watched conversation after the last seq its view has.

export class OperatorStream {
    constructor(token) {
        this.token = token;
        this.listeners = {conversation: new Set(), item: new Set(), typing: new Set(), state: new Set()};
        this.watched = new Map(); // conversation id → function answering the last seq the view has
        this.socket = null;
        this.closed = false;
        this.retry = new window.ParleyBackoff.Retry({first: 500, max: 10000});
        this.connected = false;
    }

    start() {
        this.connect();
        return this;
    }

    on(kind, listener) {
        this.listeners[kind].add(listener);
        return () => this.listeners[kind].delete(listener);
    }

    /** Receives the items of a conversation after `lastSeq()`, now and after every reconnect. */
    watch(conversationId, lastSeq) {
        this.watched.set(conversationId, lastSeq);
        this.send({type: 'watch', conversation_id: conversationId, after: lastSeq()});
    }

    unwatch(conversationId) {
        if (this.watched.delete(conversationId)) {
            this.send({type: 'unwatch', conversation_id: conversationId});
        }
    }

    close() {
        this.closed = true;
        if (this.socket) {
            this.socket.close(1000, 'logged out');
        }
    }

    send(frame) {
        if (this.socket && this.socket.readyState === WebSocket.OPEN) {
            this.socket.send(JSON.stringify(frame));
        }
    }

    connect() {
        const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
        const socket = new WebSocket(scheme + location.host + '/api/v1/stream?token=' + encodeURIComponent(this.token));
        this.socket = socket;
        socket.addEventListener('open', () => {
            this.retry.reset();
            for (const [id, lastSeq] of this.watched) {
                this.send({type: 'watch', conversation_id: id, after: lastSeq()});
            }
        });
        socket.addEventListener('message', event => {
            let frame;
            try {
                frame = JSON.parse(event.data);
            } catch (e) {
                return;
            }
            this.dispatch(frame);
        });
        socket.addEventListener('close', event => {
            this.setConnected(false);
            if (this.closed || event.code === 4401) {
                return;
            }
            this.retry.schedule(() => this.connect());
        });
    }

    dispatch(frame) {
        switch (frame.type) {
            case 'ready':
                this.setConnected(true);
                break;
            case 'conversation':
                this.emit('conversation', frame.conversation);
                break;
            case 'item':
                this.emit('item', frame);
                break;
            case 'typing':
                this.emit('typing', frame);
                break;
            default:
                break;
        }
    }

    setConnected(value) {
        this.connected = value;
        this.emit('state', value);
    }

    emit(kind, value) {
        for (const listener of this.listeners[kind]) {
            listener(value);
        }
    }
}
