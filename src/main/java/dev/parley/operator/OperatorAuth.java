package dev.parley.operator;

import com.password4j.Password;
import dev.parley.auth.Secrets;
import dev.parley.config.AuthConfig;
import dev.parley.metrics.Meters;
import dev.parley.error.ClientError;
import dev.parley.limit.ClientAddress;
import dev.parley.limit.Limiter;
import dev.parley.limit.Limiters;
import dev.parley.routing.Operator;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Operator log-in with e-mail and password (Argon2id), and bearer tokens for the operator API.
 * Tokens expire after {@link AuthConfig#tokenIdle()} without use and {@link AuthConfig#tokenMax()}
 * after the log-in. Log-in attempts are limited per e-mail address and per client address before
 * the password is looked at, so a refused attempt costs no Argon2 and cannot succeed.
 */
public final class OperatorAuth {
    /** A fixed Argon2 hash to verify against when the e-mail is unknown, so timing reveals nothing. */
    private static final String DECOY = Password.hash("decoy-password").addRandomSalt(16).withArgon2().getResult();

    private final Database db;
    private final Clock clock;
    private final WorkspaceStore workspace;
    private final AuthConfig config;
    private final OperatorTokenStore tokens = new OperatorTokenStore();
    private final Limiter perAccount;
    private final Limiter perAddress;

    public OperatorAuth(Database db, Clock clock, WorkspaceStore workspace, AuthConfig config, Limiters limiters) {
        this.db = db;
        this.clock = clock;
        this.workspace = workspace;
        this.config = config;
        this.perAccount = limiters.limiter("login-account", config.loginPerAccount());
        this.perAddress = limiters.limiter("login-address", config.loginPerAddress());
    }

    /** A successful log-in: the token (shown once) and who logged in. */
    public record Login(String token, Operator operator) {}

    /** Logs in from {@code clientIp}; only failed attempts stay counted against the limits. */
    public Login login(String email, String password, String clientIp) {
        String key = email.toLowerCase(Locale.ROOT);
        String clientAddress = ClientAddress.key(clientIp);
        perAccount.enforce(key, "log-in attempts for this e-mail address");
        try {
            perAddress.enforce(clientAddress, "log-in attempts from this address");
        } catch (ClientError e) {
            perAccount.refund(key);
            throw e;
        }
        Optional<Operator> operator = db.read(h -> workspace.operatorByEmail(h, key));
        Optional<String> hash = operator.flatMap(o -> db.read(h -> workspace.passwordHash(h, o.id())));
        boolean ok = Password.check(password, hash.orElse(DECOY)).withArgon2() && hash.isPresent();
        if (!ok) {
            Meters.loginFailed();
            throw ClientError.unauthorized("e-mail or password is wrong");
        }
        perAccount.refund(key);
        perAddress.refund(clientAddress);
        String token = Secrets.newToken();
        Instant now = clock.instant();
        db.useWrite(tx -> tokens.insert(tx, Secrets.hash(token), operator.get().id(), now,
                now.plus(config.tokenIdle())));
        return new Login(token, operator.get());
    }

    /** The operator a bearer token belongs to; using the token renews it. */
    public Operator authenticate(String token) {
        return current(token).orElseThrow(
                () -> ClientError.unauthorized("the operator token is not valid or has expired; log in again"));
    }

    /** The operator a token belongs to now, if it is still valid (renewing it), else empty. */
    public Optional<Operator> current(String token) {
        String hash = Secrets.hash(token);
        Instant now = clock.instant();
        Optional<OperatorTokenStore.Session> session = db.read(h -> tokens.session(h, hash, now));
        if (session.isEmpty()) {
            return Optional.empty();
        }
        renew(hash, session.get(), now);
        return db.read(h -> workspace.operator(h, session.get().operatorId()));
    }

    /** Ends the session of {@code token}: it is refused from now on. */
    public void logout(String token) {
        authenticate(token);
        db.useWrite(tx -> tokens.delete(tx, Secrets.hash(token)));
    }

    /** Slides the expiry forward, writing at most once per twelfth of the idle time. */
    private void renew(String hash, OperatorTokenStore.Session session, Instant now) {
        Duration idle = config.tokenIdle();
        Instant wanted = min(now.plus(idle), session.createdAt().plus(config.tokenMax()));
        if (wanted.isAfter(session.expiresAt().plus(idle.dividedBy(12)))) {
            db.useWrite(tx -> tokens.renew(tx, hash, wanted));
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
