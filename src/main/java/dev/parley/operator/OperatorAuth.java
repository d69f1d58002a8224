package dev.parley.operator;

import com.password4j.Password;
import dev.parley.auth.Secrets;
import dev.parley.auth.SlidingWindowLimiter;
import dev.parley.metrics.Meters;
import dev.parley.error.ClientError;
import dev.parley.routing.Operator;
import dev.parley.routing.WorkspaceStore;
import dev.parley.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Operator log-in with e-mail and password (Argon2id), and bearer tokens for the operator API. */
public final class OperatorAuth {
    static final Duration TOKEN_LIFETIME = Duration.ofDays(7);
    /** A fixed Argon2 hash to verify against when the e-mail is unknown, so timing reveals nothing. */
    private static final String DECOY = Password.hash("decoy-password").addRandomSalt(16).withArgon2().getResult();

    private final Database db;
    private final Clock clock;
    private final WorkspaceStore workspace;
    private final OperatorTokenStore tokens = new OperatorTokenStore();
    private final SlidingWindowLimiter failures;

    public OperatorAuth(Database db, Clock clock, WorkspaceStore workspace) {
        this.db = db;
        this.clock = clock;
        this.workspace = workspace;
        this.failures = new SlidingWindowLimiter(10, Duration.ofMinutes(5), clock);
    }

    /** A successful log-in: the token (shown once) and who logged in. */
    public record Login(String token, Operator operator) {}

    public Login login(String email, String password) {
        String key = email.toLowerCase(Locale.ROOT);
        Optional<Operator> operator = db.read(h -> workspace.operatorByEmail(h, key));
        Optional<String> hash = operator.flatMap(o -> db.read(h -> workspace.passwordHash(h, o.id())));
        boolean ok = Password.check(password, hash.orElse(DECOY)).withArgon2() && hash.isPresent();
        if (!ok) {
            Meters.loginFailed();
            Optional<Duration> wait = failures.acquire(key);
            if (wait.isPresent()) {
                throw new ClientError(ClientError.Kind.RATE_LIMITED, "rate_limited",
                        "too many failed log-ins for this e-mail; retry later", Optional.empty(), wait);
            }
            throw ClientError.unauthorized("e-mail or password is wrong");
        }
        String token = Secrets.newToken();
        Instant now = clock.instant();
        db.useWrite(tx -> tokens.insert(tx, Secrets.hash(token), operator.get().id(), now, now.plus(TOKEN_LIFETIME)));
        return new Login(token, operator.get());
    }

    /** The operator a bearer token belongs to. */
    public Operator authenticate(String token) {
        return db.read(h -> tokens.operatorOf(h, Secrets.hash(token), clock.instant()).flatMap(id -> workspace.operator(h, id)))
                .orElseThrow(() -> ClientError.unauthorized("the operator token is not valid or has expired; log in again"));
    }
}
