package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.Author;
import dev.parley.conversation.ChatPacket;
import dev.parley.conversation.TimelineItem;
import dev.parley.testing.StoreKind;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresStoreTest extends StoreContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGRESQL;
    }

    @Test
    void aMessageUnderTheConversationLockCostsTwoStatementsAndOneCommit() {
        String conv = newConversation();
        // the global registry only counts while a registry is added to it (as Parley's metrics do)
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        double statements = count(StoreCounters.STATEMENTS);
        double commits = count(StoreCounters.COMMITS);

        TimelineItem item = db.write(tx -> {
            conversations.lock(tx, conv).orElseThrow();
            return timeline.append(tx, conv, Author.system(), ChatPacket.Message.text("hello"), true, Optional.of("k"));
        });
        double sent = count(StoreCounters.STATEMENTS) - statements;
        double committed = count(StoreCounters.COMMITS) - commits;
        Metrics.removeRegistry(registry);

        assertThat(sent).isEqualTo(2);
        assertThat(committed).isEqualTo(1);
        assertThat(item.seq()).isEqualTo(1);
        assertThat(lastSeq(conv)).isEqualTo(1);
        assertThat(db.write(tx -> conversations.lockForClientWrite(tx, conv, Optional.of("k"))).orElseThrow()
                .earlierSeq()).contains(item.seq());
    }

    private static double count(String counter) {
        return Metrics.globalRegistry.find(counter).counter().count();
    }
}
