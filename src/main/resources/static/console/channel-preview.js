// Channels in conversations: the channel's badge, and how a choice shows on each channel (channels.md §2).
import {api, explain} from './api.js';
import {h, fill} from './dom.js';
import {t} from './i18n.js';

/** The channel types as conversations store them. */
export const CHANNEL_TYPES = ['web', 'whatsapp_business', 'facebook', 'telegram', 'sms', 'threema', 'custom'];

/** The name of a conversation's channel, such as "WhatsApp" for whatsapp_business. */
export const channelName = wire => CHANNEL_TYPES.includes(wire || 'web') ? t('channel.' + (wire || 'web')) : wire;

/** A small badge naming the channel, coloured per channel. */
export function channelBadge(wire) {
    const type = wire || 'web';
    return h('span', {className: 'channel-badge channel-' + type, dataset: {channel: type},
        title: t('channel.title', {name: channelName(type)})}, channelName(type));
}

const CHOICES = ['bubbles', 'button_template', 'list_template'];
const FORMS = ['buttons', 'reply_buttons', 'list', 'button_template', 'quick_replies', 'inline_keyboard',
    'numbered_text'];

/**
 * Adds "Preview on channels" under a choice item of a transcript (no-op for other items): a fold that, opened,
 * shows the form each channel uses, with `first` (the conversation's channel) first.
 */
export function addChannelPreview(transcriptEl, item, first) {
    if (!CHOICES.includes(item.packet && item.packet.name)) {
        return;
    }
    const row = transcriptEl.querySelector(`.prl-item[data-seq="${item.seq}"]`);
    const column = row && row.querySelector('.prl-column');
    if (!column || column.querySelector('.channel-preview')) {
        return;
    }
    const body = h('div', {className: 'channel-preview-body'}, t('loading'));
    let loaded = false;
    const fold = h('details', {className: 'channel-preview', ontoggle: async () => {
        if (!fold.open || loaded) {
            return;
        }
        loaded = true;
        try {
            const answer = await api('POST', 'channels/preview', {name: item.packet.name, payload: item.packet.payload});
            const items = answer.items.slice().sort((a, b) => (b.channel === first) - (a.channel === first));
            fill(body, items.map(p => previewCard(p, p.channel === first)));
        } catch (err) {
            loaded = false;
            fill(body, h('p', {className: 'notice error'}, explain(err)));
        }
    }}, h('summary', {}, t('preview.summary')), body);
    column.appendChild(fold);
}

function previewCard(p, current) {
    const options = p.options || [];
    return h('div', {className: 'preview-card' + (current ? ' current' : ''), dataset: {channel: p.channel,
        form: p.form}},
    h('div', {className: 'preview-head'}, h('b', {}, channelName(p.channel)),
        h('span', {className: 'muted'}, ' · ', FORMS.includes(p.form) ? t('preview.form.' + p.form) : p.form),
        current ? h('span', {className: 'badge', title: t('preview.current.title')}, t('preview.current')) : null),
    p.header ? h('div', {className: 'preview-header'}, p.header) : null,
    h('div', {className: 'preview-text'}, p.text || ''),
    p.footer ? h('div', {className: 'preview-footer'}, p.footer) : null,
    p.button ? h('div', {className: 'preview-list-button'}, '☰ ', p.button) : null,
    options.length ? h('ul', {className: 'preview-options preview-' + p.form}, options.map(o => h('li', {},
        h('span', {}, o.label), o.description ? h('small', {className: 'muted'}, o.description) : null))) : null);
}
