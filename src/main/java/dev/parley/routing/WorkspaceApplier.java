package dev.parley.routing;

import com.password4j.Password;
import dev.parley.auth.Secrets;
import dev.parley.channel.store.Channel;
import dev.parley.channel.store.ChannelStore;
import dev.parley.config.ChannelConfig;
import dev.parley.config.BotConfig;
import dev.parley.config.GroupConfig;
import dev.parley.config.OperatorConfig;
import dev.parley.config.ParleyConfig;
import dev.parley.config.WidgetConfig;
import dev.parley.json.Json;
import dev.parley.store.Database;
import dev.parley.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@code parley.yml} at start: creates or updates every object it names, by id, and disables the
 * operators, bots, widgets and channels an earlier file created that this one no longer names; idempotent.
 */
public final class WorkspaceApplier {
    private final Database db;

    public WorkspaceApplier(Database db) {
        this.db = db;
    }

    /** Applies the workspace file; the objects it disabled, as {@code "bot shopbot"}, empty when none. */
    public List<String> apply(ParleyConfig config) {
        return db.write(tx -> {
            upsert(tx, config, true);
            List<String> disabled = new ArrayList<>();
            disabled.addAll(disableMissing(tx, "operator", "operators", config.operators().stream()
                    .map(OperatorConfig::id).toList()));
            disabled.addAll(disableMissing(tx, "bot", "bots", config.bots().stream().map(BotConfig::id).toList()));
            disabled.addAll(disableMissing(tx, "widget", "widgets", config.widgets().stream()
                    .map(WidgetConfig::id).toList()));
            config.channels().forEach(c -> ChannelStore.save(tx, c, Channel.Source.FILE));
            disabled.addAll(disableMissing(tx, "channel", "channels", config.channels().stream()
                    .map(ChannelConfig::id).toList()));
            return disabled;
        });
    }

    /** Creates or changes the objects of {@code config} as the console does: nothing else is touched. */
    public void save(ParleyConfig config) {
        db.useWrite(tx -> upsert(tx, config, false));
    }

    private static void upsert(Tx tx, ParleyConfig config, boolean fromFile) {
        config.groups().forEach(g -> group(tx, g));
        config.operators().forEach(o -> operator(tx, o, fromFile));
        config.bots().forEach(b -> bot(tx, b, fromFile));
        config.widgets().forEach(w -> widget(tx, w, fromFile));
    }

    private static List<String> disableMissing(Tx tx, String kind, String table, List<String> named) {
        List<String> gone = tx.handle().createQuery("SELECT id FROM " + table
                + " WHERE from_file = 1 AND disabled = 0 ORDER BY id").mapTo(String.class).list().stream()
                .filter(id -> !named.contains(id)).toList();
        gone.forEach(id -> tx.handle().createUpdate("UPDATE " + table + " SET disabled = 1 WHERE id = :id")
                .bind("id", id).execute());
        return gone.stream().map(id -> kind + " " + id).toList();
    }

    private static void group(Tx tx, GroupConfig g) {
        tx.handle().createUpdate("""
                INSERT INTO groups_ (id, name) VALUES (:id, :name)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name""")
                .bind("id", g.id()).bind("name", g.name()).execute();
    }

    private static void operator(Tx tx, OperatorConfig o, boolean fromFile) {
        Optional<String> stored = tx.handle().createQuery("SELECT password_hash FROM operators WHERE id = :id")
                .bind("id", o.id()).mapTo(String.class).findOne();
        Optional<String> hash = o.password().map(pw -> stored
                .filter(h -> Password.check(pw, h).withArgon2())
                .orElseGet(() -> Password.hash(pw).addRandomSalt(16).withArgon2().getResult()))
                .or(() -> stored);
        tx.handle().createUpdate("""
                INSERT INTO operators (id, name, email, group_id, role, skills, slots, password_hash, from_file,
                  disabled)
                VALUES (:id, :name, :email, :grp, :role, :skills, :slots, :hash, :file, 0)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
                  group_id = excluded.group_id, role = excluded.role, skills = excluded.skills,
                  slots = excluded.slots, password_hash = excluded.password_hash, disabled = 0,
                  from_file = CASE WHEN excluded.from_file = 1 THEN 1 ELSE operators.from_file END""")
                .bind("id", o.id()).bind("name", o.name()).bind("email", o.email()).bind("grp", o.group())
                .bind("role", o.role().name()).bind("skills", Json.write(o.skills())).bind("slots", o.slots())
                .bind("hash", hash.orElse(null)).bind("file", fromFile ? 1 : 0).execute();
    }

    private static void bot(Tx tx, BotConfig b, boolean fromFile) {
        tx.handle().createUpdate("""
                INSERT INTO bots (id, name, group_id, type, behavior, slots, registration, skills, avatar_url,
                  timeout_after_ms, timeout_action, webhook_url, webhook_headers, api_token_hash, request_timeout_ms,
                  retry_attempts, retry_first_delay_ms, signing_secret, from_file, disabled)
                VALUES (:id, :name, :grp, :type, :behavior, :slots, :registration, :skills, :avatar, :tafter,
                  :taction, :url, :headers, :token, :rtimeout, :rattempts, :rdelay, :secret, :file, 0)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, group_id = excluded.group_id,
                  type = excluded.type, behavior = excluded.behavior, slots = excluded.slots,
                  registration = excluded.registration, skills = excluded.skills, avatar_url = excluded.avatar_url,
                  timeout_after_ms = excluded.timeout_after_ms, timeout_action = excluded.timeout_action,
                  webhook_url = excluded.webhook_url, webhook_headers = excluded.webhook_headers,
                  api_token_hash = COALESCE(excluded.api_token_hash, bots.api_token_hash),
                  request_timeout_ms = excluded.request_timeout_ms, retry_attempts = excluded.retry_attempts,
                  retry_first_delay_ms = excluded.retry_first_delay_ms,
                  signing_secret = COALESCE(excluded.signing_secret, bots.signing_secret), disabled = 0,
                  from_file = CASE WHEN excluded.from_file = 1 THEN 1 ELSE bots.from_file END""")
                .bind("id", b.id()).bind("name", b.name()).bind("grp", b.group()).bind("type", b.type().name())
                .bind("behavior", b.behavior().name()).bind("slots", b.slots())
                .bind("registration", b.registration() ? 1 : 0).bind("skills", Json.write(b.skills()))
                .bind("avatar", b.avatarUrl().orElse(null))
                .bind("tafter", b.timeout().map(t -> t.after().toMillis()).orElse(null))
                .bind("taction", b.timeout().map(t -> t.action().name()).orElse(null))
                .bind("url", b.webhookUrl().map(Object::toString).orElse(null))
                .bind("headers", Json.write(b.webhookHeaders()))
                .bind("token", b.apiToken().map(Secrets::hash).orElse(null))
                .bind("rtimeout", b.requestTimeout().toMillis())
                .bind("rattempts", b.webhookRetry().attempts())
                .bind("rdelay", b.webhookRetry().firstDelay().toMillis())
                .bind("secret", b.signingSecret().orElse(null))
                .bind("file", fromFile ? 1 : 0)
                .execute();
    }

    private static void widget(Tx tx, WidgetConfig w, boolean fromFile) {
        tx.handle().createUpdate("""
                INSERT INTO widgets (id, name, group_id, registration, live_timeout_ms, service_hours,
                  chatbot_assignment, from_file, disabled)
                VALUES (:id, :name, :grp, :registration, :live, :hours, :assign, :file, 0)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, group_id = excluded.group_id,
                  registration = excluded.registration, live_timeout_ms = excluded.live_timeout_ms,
                  service_hours = excluded.service_hours, chatbot_assignment = excluded.chatbot_assignment,
                  disabled = 0, from_file = CASE WHEN excluded.from_file = 1 THEN 1 ELSE widgets.from_file END""")
                .bind("id", w.id()).bind("name", w.name()).bind("grp", w.group())
                .bind("registration", w.registration() ? 1 : 0)
                .bind("live", w.liveTimeout().map(d -> d.toMillis()).orElse(null))
                .bind("hours", w.serviceHours().map(ServiceHoursJson::write).orElse(null))
                .bind("assign", w.chatbotAssignment() ? 1 : 0)
                .bind("file", fromFile ? 1 : 0)
                .execute();
    }
}
