/*
 * Parley transcript renderer — shared by the website widget and the operator console.
 *
 * A classic script (no modules, no build step) that defines one global, `ParleyRender`. Load it with
 * <script src="/static/shared/render.js"></script> and style it with /static/shared/render.css
 * (every class starts with `prl-`; colours come from CSS custom properties such as --prl-accent). Its texts come from
 * the "transcript" message catalog (i18n.js, messages/transcript.en.js …); it builds elements with dom.js. Load
 * those before it.
 *
 * Input is a transcript item exactly as the contact API and the stream deliver it (platform spec §3):
 *   { seq, id, at, author: { type: "contact"|"bot"|"operator"|"system", id, name },
 *     packet: { name, payload }, html? }
 * `html` is present for markdown_v1 messages; it was sanitized by the server and is re-checked here
 * against the same allow-list. Nothing else from an item is ever parsed as HTML: texts go through
 * textContent, and URLs are used only when they are http(s) (links also mailto: and tel:).
 *
 * API (stable):
 *   ParleyRender.renderItem(item, options) → HTMLElement
 *       One item as a self-contained element (`.prl-item`, with data-seq and data-id).
 *   new ParleyRender.Transcript(container, options)
 *       .add(item) → boolean   appends in seq order, ignores a seq it already has (false), and marks
 *                              choices answered when their click item arrives
 *       .has(seq) → boolean    .lastSeq → number (0 when empty)    .size → number
 *       .typing(author|null)   shows (or with null hides) a typing indicator for that author
 *       .clear()
 *   ParleyRender.safeUrl(url, kinds?) → string|null
 *       the URL when its scheme is allowed (kinds default ["http", "https"]), else null
 *   ParleyRender.describe(item, t?) → string
 *       a one-line plain-text summary (system lines, notifications, screen-reader announcements)
 *   ParleyRender.setAnswered(element, optionId?)
 *       disables the options of a rendered choice element; marks optionId as the chosen one
 *
 * options (all optional):
 *   viewer      "contact" (default) or "operator": decides which side is `.prl-mine`
 *   onChoice    (item, option) → Promise|undefined. Without it choices render disabled.
 *               The options are disabled at the click; when the promise rejects with an error whose
 *               `status` is not 409 they are enabled again (a 409 means already answered: they stay off).
 *   onRegister  (item, { name, email }) → Promise. Without it a registration request is a system line.
 *               A rejection with `message` shows that message on the card.
 *   avatarFor   (author) → URL string|null: picture for a bot or operator; initials otherwise
 *   formatTime  (Date) → string (default: HH:MM in `locale`, else the browser's)
 *   locale      a language tag for times (e.g. "de")
 *   text        a translator of the "transcript" catalog, ParleyI18n.translator('transcript', language);
 *               English without it. Needs /static/shared/i18n.js and the catalogs messages/transcript.*.js.
 */
(function (root) {
    'use strict';

    var ALLOWED_TAGS = ['P', 'BR', 'STRONG', 'EM', 'U', 'DEL', 'CODE', 'PRE', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'A'];
    var CHOICES = ['bubbles', 'carousel', 'button_template', 'list_template'];

    function safeUrl(url, kinds) {
        if (typeof url !== 'string' || url.length === 0 || url.length > 4096) {
            return null;
        }
        var allowed = kinds || ['http', 'https'];
        var parsed;
        try {
            parsed = new URL(url.trim(), root.location ? root.location.href : undefined);
        } catch (e) {
            return null;
        }
        var scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
        return allowed.indexOf(scheme) >= 0 ? parsed.href : null;
    }

    function el(tag, className, text) {
        return root.ParleyDom.h(tag, { className: className || undefined }, text);
    }

    function str(v) {
        return typeof v === 'string' ? v : '';
    }

    /** Rebuilds sanitized markdown HTML element by element, keeping only the allow-list. */
    function markdown(html) {
        var template = document.createElement('template');
        template.innerHTML = html;
        var out = el('div', 'prl-text prl-markdown');
        copyChildren(template.content, out);
        return out;
    }

    function copyChildren(from, to) {
        for (var n = from.firstChild; n; n = n.nextSibling) {
            if (n.nodeType === 3) {
                to.appendChild(document.createTextNode(n.nodeValue));
            } else if (n.nodeType === 1) {
                if (ALLOWED_TAGS.indexOf(n.tagName) < 0) {
                    to.appendChild(document.createTextNode(n.textContent));
                    continue;
                }
                var copy = document.createElement(n.tagName.toLowerCase());
                if (n.tagName === 'A') {
                    var href = safeUrl(n.getAttribute('href'), ['http', 'https', 'mailto', 'tel']);
                    if (href) {
                        copy.setAttribute('href', href);
                        copy.setAttribute('target', '_blank');
                        copy.setAttribute('rel', 'noopener noreferrer nofollow');
                    }
                }
                copyChildren(n, copy);
                to.appendChild(copy);
            }
        }
    }

    function plainText(body) {
        return el('div', 'prl-text', body);
    }

    /** The texts of the "transcript" catalog in the options' language (English without one). */
    function textsOf(options) {
        return (options && options.text) || root.ParleyI18n.translator('transcript', 'en');
    }

    function link(label, url, className, t) {
        var href = safeUrl(url, ['http', 'https', 'mailto', 'tel']);
        if (!href) {
            var dead = el('span', (className || '') + ' prl-link-disabled', label);
            dead.title = t('link.blocked');
            return dead;
        }
        var a = el('a', className, label);
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer nofollow';
        return a;
    }

    function image(url, alt) {
        var src = safeUrl(url);
        if (!src) {
            return null;
        }
        var img = el('img', 'prl-image');
        img.src = src;
        img.alt = alt || '';
        img.loading = 'lazy';
        img.referrerPolicy = 'no-referrer';
        return img;
    }

    function mediaKind(p) {
        var t = str(p.type).toLowerCase();
        if (['image', 'video', 'audio', 'file'].indexOf(t) >= 0) {
            return t;
        }
        var mime = str(p.mime_type).toLowerCase();
        if (mime.indexOf('image/') === 0 && mime !== 'image/svg+xml') {
            return 'image';
        }
        if (mime.indexOf('video/') === 0) {
            return 'video';
        }
        if (mime.indexOf('audio/') === 0) {
            return 'audio';
        }
        return 'file';
    }

    function media(p, t) {
        var box = el('div', 'prl-media');
        var kind = mediaKind(p);
        var url = safeUrl(p.url);
        var name = str(p.filename) || 'file';
        if (url && kind === 'image') {
            var a = link('', url, 'prl-media-link', t);
            a.appendChild(image(url, str(p.caption) || name));
            box.appendChild(a);
        } else if (url && (kind === 'video' || kind === 'audio')) {
            var player = el(kind, 'prl-' + kind);
            player.controls = true;
            player.preload = 'metadata';
            player.src = url;
            player.setAttribute('aria-label', name);
            box.appendChild(player);
        } else {
            var file = link(name, url || '', 'prl-file', t);
            if (typeof p.size === 'number') {
                file.appendChild(el('span', 'prl-file-size', ' (' + size(p.size) + ')'));
            }
            box.appendChild(file);
        }
        if (str(p.caption)) {
            box.appendChild(el('div', 'prl-caption', p.caption));
        }
        return box;
    }

    function size(bytes) {
        if (bytes < 1024) {
            return bytes + ' B';
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024) + ' KB';
        }
        return (bytes / 1024 / 1024).toFixed(1) + ' MB';
    }

    function body(p) {
        return str(p.body) ? plainText(p.body) : null;
    }

    /** Option buttons of a choice; `cardFor(option)` wraps a button into a carousel card. */
    function choice(item, options, cardFor) {
        var p = item.packet.payload;
        var list = el('div', cardFor ? 'prl-cards' : 'prl-options');
        list.setAttribute('role', 'group');
        list.setAttribute('aria-label', str(p.body) || textsOf(options)('choice.label'));
        (Array.isArray(p.options) ? p.options : []).forEach(function (option) {
            var label = str(option && option.label) || str(option && option.id);
            var button = el('button', 'prl-option');
            button.type = 'button';
            button.dataset.optionId = str(option && option.id);
            button.appendChild(el('span', 'prl-option-label', label));
            if (str(option && option.description)) {
                button.appendChild(el('span', 'prl-option-description', option.description));
            }
            if (!options.onChoice) {
                button.disabled = true;
            } else {
                button.addEventListener('click', function () {
                    var holder = button.closest('.prl-item');
                    if (holder.dataset.answered === 'true') {
                        return;
                    }
                    setAnswered(holder, button.dataset.optionId);
                    Promise.resolve(options.onChoice(item, { id: option.id, label: label })).catch(function (err) {
                        if (!err || err.status !== 409) {
                            reopen(holder);
                        }
                    });
                });
            }
            list.appendChild(cardFor ? cardFor(option, button) : button);
        });
        return list;
    }

    function setAnswered(holder, optionId) {
        holder.dataset.answered = 'true';
        holder.querySelectorAll('.prl-option').forEach(function (b) {
            b.disabled = true;
            var chosen = optionId !== undefined && b.dataset.optionId === optionId;
            b.setAttribute('aria-pressed', chosen ? 'true' : 'false');
            b.classList.toggle('prl-chosen', chosen);
        });
    }

    function reopen(holder) {
        holder.dataset.answered = 'false';
        holder.querySelectorAll('.prl-option').forEach(function (b) {
            b.disabled = false;
            b.removeAttribute('aria-pressed');
            b.classList.remove('prl-chosen');
        });
    }

    function templateHeader(h, t) {
        if (!h || typeof h !== 'object') {
            return null;
        }
        if (h.type === 'text') {
            return el('div', 'prl-header', h.text);
        }
        if (h.type === 'image') {
            var img = image(h.url, '');
            return img ? wrap('prl-header', img) : null;
        }
        return wrap('prl-header', media({ url: h.url, type: h.type === 'video' ? 'video' : 'file',
            filename: h.type === 'document' ? t('media.document') : t('media.video') }, t));
    }

    function wrap(className, child) {
        var box = el('div', className);
        box.appendChild(child);
        return box;
    }

    /** The body of a message or of a choice's question: the server's sanitized html for markdown_v1. */
    function text(item, p) {
        return typeof item.html === 'string' ? markdown(item.html) : body(p);
    }

    function content(item, options) {
        var p = item.packet.payload || {};
        var t = textsOf(options);
        var box = el('div', 'prl-bubble');
        var add = function (child) {
            if (child) {
                box.appendChild(child);
            }
        };
        switch (item.packet.name) {
            case 'message':
                add(text(item, p));
                break;
            case 'bubbles':
                add(text(item, p));
                add(choice(item, options));
                break;
            case 'button_template':
                add(templateHeader(p.header, t));
                add(text(item, p));
                add(str(p.footer) ? el('div', 'prl-footer', p.footer) : null);
                add(choice(item, options));
                break;
            case 'list_template':
                add(str(p.headline) ? el('div', 'prl-header', p.headline) : null);
                add(text(item, p));
                add(str(p.list_headline) || str(p.button)
                    ? el('div', 'prl-list-headline', str(p.list_headline) || str(p.button)) : null);
                add(choice(item, options));
                add(str(p.footer) ? el('div', 'prl-footer', p.footer) : null);
                break;
            case 'carousel':
                add(body(p));
                add(choice(item, options, function (option, button) {
                    var card = el('div', 'prl-card');
                    var img = image(option && option.image_url, str(option && option.label));
                    if (img) {
                        card.appendChild(img);
                    }
                    card.appendChild(button);
                    return card;
                }));
                break;
            case 'buttons':
            case 'button':
                add(body(p));
                var links = el('div', 'prl-links');
                var list = item.packet.name === 'button' ? [{ label: p.label, url: p.url }]
                    : (Array.isArray(p.buttons) ? p.buttons : []);
                list.forEach(function (b) {
                    links.appendChild(link(str(b && b.label) || str(b && b.url), b && b.url, 'prl-link-button', t));
                });
                add(links);
                break;
            case 'media':
                add(media(p, t));
                break;
            case 'navigate':
                add(el('div', 'prl-text', t('navigate.opening') + ' '));
                box.lastChild.appendChild(link(str(p.url), p.url, '', t));
                break;
            case 'click':
                add(plainText(str(p.value && p.value.label)));
                break;
            case 'registration':
                add(plainText(str(p.name) + (str(p.email) ? ' · ' + p.email : '')));
                break;
            case 'whatsapp_template':
                add(whatsAppTemplate(p, t));
                break;
            case 'registration_request':
                add(options.onRegister ? registrationCard(item, options) : plainText(describe(item, t)));
                break;
            default:
                add(str(p.body) ? plainText(p.body) : plainText(describe(item, t)));
        }
        return box;
    }

    /** An approved WhatsApp template as sent: its name and language, then each body placeholder's value. */
    function whatsAppTemplate(p, t) {
        var box = el('div', 'prl-template');
        box.appendChild(el('div', 'prl-header', t('template.heading', { name: str(p.name) })));
        box.appendChild(el('div', 'prl-footer', t('template.language', { language: str(p.language) })));
        var parameters = Array.isArray(p.parameters) ? p.parameters : [];
        if (parameters.length === 0) {
            box.appendChild(el('div', 'prl-footer', t('template.no.parameters')));
            return box;
        }
        var list = el('ol', 'prl-template-parameters');
        parameters.forEach(function (value, i) {
            var row = el('li', 'prl-template-parameter');
            row.appendChild(el('span', 'prl-template-placeholder', '{{' + (i + 1) + '}}'));
            row.appendChild(document.createTextNode(' '));
            row.appendChild(el('span', 'prl-template-value', str(value)));
            list.appendChild(row);
        });
        box.appendChild(list);
        return box;
    }

    function registrationCard(item, options) {
        var t = textsOf(options);
        var form = el('form', 'prl-registration');
        form.noValidate = true;
        form.appendChild(el('p', 'prl-registration-intro', t('registration.intro')));
        var fields = {};
        [['name', t('registration.name'), 'text', 'name'], ['email', t('registration.email'), 'email', 'email']]
            .forEach(function (f) {
            var id = 'prl-reg-' + f[0] + '-' + item.seq;
            var label = el('label', 'prl-field-label', f[1]);
            label.htmlFor = id;
            var input = el('input', 'prl-input');
            input.id = id;
            input.name = f[0];
            input.type = f[2];
            input.autocomplete = f[3];
            input.required = true;
            input.maxLength = f[0] === 'name' ? 200 : 254;
            fields[f[0]] = input;
            form.appendChild(label);
            form.appendChild(input);
        });
        var error = el('p', 'prl-form-error');
        error.setAttribute('role', 'alert');
        var submit = el('button', 'prl-primary', t('registration.start'));
        submit.type = 'submit';
        form.appendChild(error);
        form.appendChild(submit);
        form.addEventListener('submit', function (e) {
            e.preventDefault();
            var name = fields.name.value.trim();
            var email = fields.email.value.trim();
            if (!name || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
                error.textContent = !name ? t('registration.name.missing') : t('registration.email.invalid');
                (!name ? fields.name : fields.email).focus();
                return;
            }
            error.textContent = '';
            setFormDisabled(form, true);
            Promise.resolve(options.onRegister(item, { name: name, email: email })).catch(function (err) {
                if (err && err.status === 409) {
                    return;
                }
                setFormDisabled(form, false);
                error.textContent = (err && err.message) || t('registration.failed');
            });
        });
        return form;
    }

    function setFormDisabled(form, disabled) {
        form.querySelectorAll('input, button').forEach(function (x) {
            x.disabled = disabled;
        });
    }

    /** A one-line summary of an item; `t` is a "transcript" translator (English without one). */
    function describe(item, t) {
        t = t || textsOf();
        var p = (item.packet && item.packet.payload) || {};
        var to = p.to || {};
        switch (item.packet && item.packet.name) {
            case 'conversation_forwarded':
                return to.type === 'operator' ? t('line.forwarded.operator', { name: str(to.name) || t('line.an.operator') })
                    : to.type === 'inbox' ? t('line.forwarded.inbox') : t('line.forwarded');
            case 'assignment':
                return to.type === 'bot' || to.type === 'operator'
                    ? t('line.assigned', { name: str(to.name) || str(to.id) || to.type }) : t('line.assignment');
            case 'conversation_ended':
                return t('line.ended');
            case 'registration_request':
                return t('line.registration.request');
            case 'registration':
                return t('line.registration', { name: str(p.name) });
            case 'bot_unavailable':
                return t('line.bot.unavailable');
            case 'page_tag':
                return t('line.page.tag', { tag: str(p.tag) });
            case 'page_view':
                return t('line.page.view', { url: str(p.url) });
            case 'click':
                return t('line.click', { label: str(p.value && p.value.label) });
            case 'media':
                return t('line.media', { filename: str(p.filename) || t('line.attachment') });
            case 'navigate':
                return t('line.navigate', { url: str(p.url) });
            case 'whatsapp_template':
                return t('line.template', { name: str(p.name), language: str(p.language) });
            default:
                return str(p.body) || str(p.headline) || (item.packet ? item.packet.name.replace(/_/g, ' ') : '');
        }
    }

    function initials(name) {
        var parts = str(name).trim().split(/\s+/).filter(Boolean);
        if (parts.length === 0) {
            return '?';
        }
        return (parts[0][0] + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
    }

    function avatar(author, options) {
        var box = el('span', 'prl-avatar');
        box.setAttribute('aria-hidden', 'true');
        var url = options.avatarFor ? safeUrl(options.avatarFor(author)) : null;
        if (url) {
            box.appendChild(image(url, ''));
        } else {
            box.textContent = author.type === 'bot' && !author.name ? 'B' : initials(author.name);
            var hue = 0;
            str(author.id || author.name).split('').forEach(function (c) {
                hue = (hue * 31 + c.charCodeAt(0)) % 360;
            });
            box.style.setProperty('--prl-avatar-hue', String(hue));
        }
        return box;
    }

    function time(at, options) {
        var date = new Date(at);
        var stamp = el('time', 'prl-time');
        if (isNaN(date.getTime())) {
            return stamp;
        }
        stamp.dateTime = date.toISOString();
        stamp.textContent = options.formatTime ? options.formatTime(date)
            : date.toLocaleTimeString(options.locale ? [options.locale] : [], { hour: '2-digit', minute: '2-digit' });
        return stamp;
    }

    function isSystemLine(item) {
        var name = item.packet && item.packet.name;
        return item.author.type === 'system' && name !== 'registration_request'
            || ['conversation_ended', 'conversation_forwarded', 'assignment', 'page_tag', 'page_view'].indexOf(name) >= 0;
    }

    function renderItem(item, options) {
        options = options || {};
        var t = textsOf(options);
        var author = item.author || { type: 'system' };
        var row = el('div', 'prl-item prl-from-' + (['contact', 'bot', 'operator', 'system'].indexOf(author.type) >= 0
            ? author.type : 'system'));
        row.dataset.seq = String(item.seq);
        row.dataset.id = str(item.id);
        row.dataset.packet = str(item.packet && item.packet.name);
        row.dataset.sender = author.type + ':' + str(author.id || author.name);
        row.dataset.time = String(new Date(item.at).getTime() || 0);
        var viewer = options.viewer === 'operator' ? 'operator' : 'contact';
        var mine = viewer === 'contact' ? author.type === 'contact' : author.type === 'operator' || author.type === 'bot';
        if (mine) {
            row.classList.add('prl-mine');
        }
        if (isSystemLine(item)) {
            row.classList.add('prl-system-line');
            row.appendChild(el('div', 'prl-system-text', describe(item, t)));
            row.appendChild(time(item.at, options));
            return row;
        }
        if (CHOICES.indexOf(item.packet.name) >= 0) {
            row.classList.add('prl-choice');
        }
        var meta = el('div', 'prl-meta');
        if (author.type === 'bot' || author.type === 'operator') {
            row.appendChild(avatar(author, options));
        }
        var who = author.type === 'contact' ? (viewer === 'contact' ? t('author.you') : str(author.name) || t('author.contact'))
            : author.type === 'system' ? '' : str(author.name) || (author.type === 'bot' ? t('author.bot') : t('author.operator'));
        if (who) {
            meta.appendChild(el('span', 'prl-name', who));
        }
        meta.appendChild(time(item.at, options));
        var column = el('div', 'prl-column');
        column.appendChild(meta);
        column.appendChild(content(item, options));
        row.appendChild(column);
        return row;
    }

    /** Minutes within which messages of one sender share one avatar, name and time. */
    var GROUP_MINUTES = 5;

    /** Marks `row` as a follow-up of the row above it when both come from the same sender close in time. */
    function group(row) {
        var prev = row.previousElementSibling;
        var same = !!prev && prev.classList.contains('prl-item') && !row.classList.contains('prl-system-line')
            && !prev.classList.contains('prl-system-line') && !prev.classList.contains('prl-typing')
            && prev.dataset.sender === row.dataset.sender
            && Math.abs(Number(row.dataset.time) - Number(prev.dataset.time)) < GROUP_MINUTES * 60000;
        row.classList.toggle('prl-grouped', same);
    }

    /** A newer choice replaces the open ones above it: on the web, a choice is a step of the conversation. */
    function supersede(container, newest) {
        container.querySelectorAll(':scope > .prl-choice').forEach(function (row) {
            if (row !== newest && row.dataset.answered !== 'true') {
                row.dataset.superseded = 'true';
                row.querySelectorAll('.prl-option').forEach(function (b) {
                    b.disabled = true;
                });
            }
        });
    }

    function Transcript(container, options) {
        this.container = container;
        this.options = options || {};
        this.seqs = new Set();
        this.answers = new Map();
        this.typingRow = null;
    }

    Object.defineProperty(Transcript.prototype, 'lastSeq', {
        get: function () {
            var last = 0;
            this.seqs.forEach(function (s) {
                last = Math.max(last, s);
            });
            return last;
        }
    });

    Object.defineProperty(Transcript.prototype, 'size', {
        get: function () {
            return this.seqs.size;
        }
    });

    Transcript.prototype.has = function (seq) {
        return this.seqs.has(seq);
    };

    Transcript.prototype.add = function (item) {
        if (!item || typeof item.seq !== 'number' || this.seqs.has(item.seq)) {
            return false;
        }
        this.seqs.add(item.seq);
        var row = renderItem(item, this.options);
        var before = null;
        var rows = this.container.querySelectorAll(':scope > .prl-item');
        for (var i = rows.length - 1; i >= 0; i--) {
            if (Number(rows[i].dataset.seq) > item.seq) {
                before = rows[i];
            } else {
                break;
            }
        }
        this.container.insertBefore(row, before || this.typingRow);
        group(row);
        if (before) {
            group(before);
        }
        if (!before && CHOICES.indexOf(item.packet.name) >= 0) {
            supersede(this.container, row);
        }
        var p = item.packet.payload || {};
        if (item.packet.name === 'click' && p.message_id) {
            this.answers.set(p.message_id, p.value && p.value.id);
            var choiceRow = this.find(p.message_id);
            if (choiceRow) {
                setAnswered(choiceRow, p.value && p.value.id);
            }
        } else if (this.answers.has(item.id)) {
            setAnswered(row, this.answers.get(item.id));
        }
        if (item.packet.name === 'registration') {
            this.container.querySelectorAll('.prl-registration').forEach(function (form) {
                setFormDisabled(form, true);
            });
        }
        return true;
    };

    Transcript.prototype.find = function (id) {
        var rows = this.container.querySelectorAll(':scope > .prl-item');
        for (var i = 0; i < rows.length; i++) {
            if (rows[i].dataset.id === id) {
                return rows[i];
            }
        }
        return null;
    };

    Transcript.prototype.typing = function (author) {
        if (this.typingRow) {
            this.typingRow.remove();
            this.typingRow = null;
        }
        if (!author) {
            return;
        }
        var row = el('div', 'prl-item prl-typing prl-from-' + (author.type === 'operator' ? 'operator' : 'bot'));
        row.appendChild(avatar(author, this.options));
        var bubble = el('div', 'prl-bubble prl-typing-bubble');
        bubble.setAttribute('role', 'status');
        bubble.appendChild(el('span', 'prl-visually-hidden', textsOf(this.options)('typing', { name: str(author.name) || textsOf(this.options)('author.someone') })));
        for (var i = 0; i < 3; i++) {
            bubble.appendChild(el('span', 'prl-dot'));
        }
        row.appendChild(bubble);
        this.typingRow = row;
        this.container.appendChild(row);
    };

    Transcript.prototype.clear = function () {
        this.seqs.clear();
        this.answers.clear();
        this.typingRow = null;
        this.container.textContent = '';
    };

    root.ParleyRender = {
        renderItem: renderItem,
        Transcript: Transcript,
        safeUrl: safeUrl,
        describe: describe,
        setAnswered: function (element, optionId) {
            setAnswered(element, optionId);
        }
    };
})(typeof window !== 'undefined' ? window : this);
