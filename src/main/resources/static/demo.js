// Minimal contact client for the demo page: opens a conversation, streams the transcript, writes.
(() => {
  const widget = new URLSearchParams(location.search).get('widget') || 'website';
  const api = '/api/web/v1';
  const log = document.getElementById('log');
  const key = 'parley-demo-' + widget;
  let state = JSON.parse(localStorage.getItem(key) || 'null');
  let lastSeq = 0;

  const headers = () => ({ 'Content-Type': 'application/json', Authorization: 'Bearer ' + state.contact_token });

  function line(text, cls) {
    const div = document.createElement('div');
    div.className = 'item ' + cls;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function render(item) {
    if (item.seq <= lastSeq) return;
    lastSeq = item.seq;
    const p = item.packet;
    const who = item.author.type;
    if (who === 'system') {
      const to = p.payload.to ? (p.payload.to.name || p.payload.to.type) : '';
      line(p.name === 'conversation_ended' ? 'Conversation ended' : 'Forwarded ' + (to ? 'to ' + to : ''), 'system');
      return;
    }
    const text = p.payload.body || (p.name === 'click' ? p.payload.value.label : '[' + p.name + ']');
    const div = line(text, who === 'contact' ? 'contact' : 'bot');
    if (Array.isArray(p.payload.options) && who !== 'contact') {
      const box = document.createElement('div');
      box.className = 'options';
      p.payload.options.forEach(o => {
        const b = document.createElement('button');
        b.textContent = o.label;
        b.onclick = () => fetch(`${api}/conversations/${state.conversation_id}/clicks`, {
          method: 'POST', headers: headers(), body: JSON.stringify({ message_id: item.id, option_id: o.id })
        }).then(() => box.querySelectorAll('button').forEach(x => x.disabled = true));
        box.appendChild(b);
      });
      div.appendChild(box);
    }
  }

  function stream() {
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${proto}://${location.host}${api}/conversations/${state.conversation_id}` +
      `/stream?token=${encodeURIComponent(state.contact_token)}&after=${lastSeq}`);
    ws.onmessage = e => { const m = JSON.parse(e.data); if (m.type === 'item') render(m); };
    ws.onclose = e => { if (e.code < 4000) setTimeout(stream, 1000); else { localStorage.removeItem(key); } };
  }

  async function open() {
    if (!state) {
      const res = await fetch(`${api}/widgets/${encodeURIComponent(widget)}/conversations`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ contact: {}, page_url: location.href })
      });
      if (!res.ok) { line('Cannot open a conversation: ' + (await res.json()).error.message, 'system'); return; }
      state = await res.json();
      localStorage.setItem(key, JSON.stringify(state));
    }
    stream();
  }

  document.getElementById('form').onsubmit = async e => {
    e.preventDefault();
    const input = document.getElementById('text');
    const body = input.value;
    input.value = '';
    const res = await fetch(`${api}/conversations/${state.conversation_id}/messages`, {
      method: 'POST', headers: headers(), body: JSON.stringify({ body, client_id: crypto.randomUUID() })
    });
    if (!res.ok) line((await res.json()).error.message, 'system');
  };
  open();
})();
