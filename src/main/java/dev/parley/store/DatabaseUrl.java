package dev.parley.store;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the database lives: the embedded SQLite file under the data folder, or a PostgreSQL server
 * given as {@code postgresql://user:pass@host:port/db} or {@code jdbc:postgresql://…}.
 */
public record DatabaseUrl(Dialect dialect, String jdbcUrl, String user, String password) {

    public static DatabaseUrl sqlite(Path file) {
        return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), "", "");
    }

    /** Parses a PostgreSQL URL; throws {@link IllegalArgumentException} naming what is wrong. */
    public static DatabaseUrl postgres(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(Dialect.POSTGRESQL, url, "", "");
        }
        if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "PARLEY_DATABASE_URL must start with postgresql:// or jdbc:postgresql:// (got '"
                            + url.replaceAll("//[^@/]*@", "//***@") + "')");
        }
        URI uri = URI.create(url);
        String user = "";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : "";
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        return new DatabaseUrl(Dialect.POSTGRESQL, jdbc, user, password);
    }

    /** The JDBC URL with a password given in its query ({@code ?password=…}) masked, for messages and logs. */
    @Override
    public String toString() {
        return jdbcUrl.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
    }
}
