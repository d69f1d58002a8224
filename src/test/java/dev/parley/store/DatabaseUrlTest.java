package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.cluster.DatabaseHold;
import org.junit.jupiter.api.Test;

/** A PostgreSQL URL is read in either form, and its password never shows in a message. */
class DatabaseUrlTest {

    @Test
    void aUrlWithCredentialsPassesThemApartFromTheJdbcUrl() {
        DatabaseUrl url = DatabaseUrl.postgres("postgresql://ada:s3cret@db.internal:5433/parley?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/parley?sslmode=require");
        assertThat(url.user()).isEqualTo("ada");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.toString()).doesNotContain("s3cret");
    }

    @Test
    void aPasswordInAJdbcUrlsQueryIsMaskedInMessages() {
        DatabaseUrl url = DatabaseUrl.postgres(
                "jdbc:postgresql://127.0.0.1:1/parley?user=ada&password=s3cret&ssl=false");
        assertThat(url.toString()).isEqualTo("jdbc:postgresql://127.0.0.1:1/parley?user=ada&password=***&ssl=false");
        // nothing listens on port 1: both ways of connecting fail, naming the database without its password
        assertThatThrownBy(() -> Database.connect(url)).hasMessageContaining("127.0.0.1:1/parley")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> DatabaseHold.take(url, DatabaseHold.Kind.ALONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1:1/parley")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void anotherSchemeIsRefusedWithoutShowingItsCredentials() {
        assertThatThrownBy(() -> DatabaseUrl.postgres("mysql://ada:s3cret@db/parley"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PARLEY_DATABASE_URL must start with postgresql://")
                .hasMessageNotContaining("s3cret");
    }
}
