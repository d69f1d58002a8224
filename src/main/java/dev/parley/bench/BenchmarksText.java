package dev.parley.bench;

import java.util.Locale;

/** The fixed prose of {@code docs/BENCHMARKS.md}, filled in with the options of the run. */
final class BenchmarksText {
    private BenchmarksText() {}

    static String intro(BenchOptions o) {
        String warmup = Format.duration(o.warmup());
        String duration = Format.duration(o.duration());
        return String.format(Locale.ROOT, """
                # Benchmarks

                How fast a contact's message gets through Parley to an API bot and the bot's reply back to the
                contact. This file is written by `./parley bench`; run it again to refresh the figures (a
                hand-written `%s` section at the end is kept).

                ## What is measured

                One **bot round trip**: a web contact sends `POST /api/web/v1/conversations/{id}/messages`
                (answered `202` once the message is stored); Parley queues a `message` event in its outbox and
                posts it to the bot's webhook; the bot answers with one `message` event `"re: <body>"` in its HTTP
                response; Parley stores that reply in the timeline and pushes it to the contact's WebSocket
                (`/api/web/v1/conversations/{id}/stream`). The latency runs from sending the `POST` to the reply's
                frame arriving on that contact's socket.

                - **Workspace**: one group, one widget, one API bot in `firewall` mode with %,d slots, so every
                  conversation goes to the bot.
                - **Bot**: a minimal HTTP server on 127.0.0.1 (JDK `HttpServer` on virtual threads) that answers
                  each `message` call with `{"info": {"cid": …}, "packet": {"name": "message", "payload":
                  {"body": "re: <body>"}}}` and `start` with an empty `200`.
                - **Contacts**: %,d concurrent web contacts, each with its own conversation and WebSocket. Parley
                  (except with `--nodes`), the bot and the contacts run in one JVM on one machine, so the load
                  generator's CPU time is taken from the same cores Parley uses.
                - **Closed loop** (maximum throughput): every contact sends its next message as soon as the reply
                  to the previous one arrived; after %s of warm-up, the round trips that complete within %s are
                  counted. The warm-up goes on while the JIT compilers of the target's JVMs still keep more than
                  5 %% of a core busy (watched 5 s at a time, for at most %s more: `--settle`): on few cores they
                  compile for minutes, and their CPU time would be counted as the target's. *Cost per round
                  trip* shows what they still used while measuring.
                - **Fixed rate** (latency): %,d messages per second spread evenly over the contacts (message *k*
                  goes to contact *k* mod %,d and is due at *k* / %,d s) for %s, sent whether or not earlier
                  replies came. Latency counts from the due time, so a lagging load generator shows in the figures
                  instead of quietly lowering the load. When that rate is more than half of what a target
                  carried in the closed loop, a phase at that half runs first, so the figures also show the
                  latency at a load the target can sustain. Percentiles come from an HdrHistogram (3
                  significant digits).
                - **Every request is checked**: a message `POST` not answered `202`, a closed stream, or a reply
                  that does not arrive within %s counts as a failed round trip and is listed under *Failures*.
                - **Relay**: the same load through a relay that stores nothing — the same three exchanges per
                  round trip on the same paths (the contact's `POST`, answered `202`; the webhook call to the
                  same bot; the reply as an item frame on the contact's WebSocket), with the same server
                  (Javalin on virtual threads) and the same webhook client as Parley, conversations held in
                  memory. It is the floor any platform pays for this shape of work: *As multiples of the
                  relay* gives every target's figures divided by its.
                - **Reference**: the same load (same clients, same phases) sent straight to the same bot: each
                  client posts a webhook-shaped `message` event and checks the answer. The difference to it is what
                  Parley adds: the contact API, two database transactions (store the message and queue the event;
                  store the reply and record the delivery), the outbox, the webhook call and the WebSocket push.
                - **Stores**: SQLite in a fresh temporary folder (WAL, as `./parley serve` runs it) and PostgreSQL
                  (a database created on 127.0.0.1:5432 for the run and dropped after), both on this machine.
                - **Nodes** (`--nodes N`, when given): N Parley processes (`serve`, each a JVM of its own) on one
                  fresh PostgreSQL database and the Redis at `--redis-url`, as behind a load balancer; contact
                  *k* writes to and listens on node *k* mod N, and whichever node holds a conversation's lane
                  calls the bot. The CPU time of each node, of PostgreSQL and of Redis is measured on its own
                  (*CPU per round trip of each process*).

                """, BenchmarksDoc.ANALYSIS, BenchWorkspace.MAX_SESSIONS, o.contacts(), warmup, duration,
                Format.duration(o.settle()), o.rate(),
                o.contacts(), o.rate(), duration, Format.duration(o.timeout()));
    }
}
