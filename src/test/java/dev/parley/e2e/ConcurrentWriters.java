package dev.parley.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.testing.HttpAnswer;
import dev.parley.testing.WebContact;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Contacts writing numbered messages at the same time, each contact in order, each message with its
 * own {@code client_id}. Records which writes were acknowledged (202); a contact stops at its first
 * write that gets no answer.
 */
final class ConcurrentWriters {

    /** Message {@code index} of contact {@code contact}. */
    record Write(int contact, int index) {
        String clientId() {
            return "c" + contact + "-m" + index;
        }

        String body() {
            return "contact " + contact + " message " + index;
        }
    }

    private final List<WebContact> contacts;
    private final int perContact;
    private final Map<Write, JsonNode> acknowledged = new ConcurrentHashMap<>();
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    ConcurrentWriters(List<WebContact> contacts, int perContact) {
        this.contacts = contacts;
        this.perContact = perContact;
    }

    void start() {
        for (int k = 0; k < contacts.size(); k++) {
            int contact = k;
            threads.execute(() -> writeAll(contact));
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Waits until every writer has finished or stopped. */
    void awaitStopped() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new AssertionError("writers did not stop");
        }
    }

    /** The 202 answer ({@code message_id}, {@code seq}) of a write, if it got one. */
    Optional<JsonNode> answerOf(Write write) {
        return Optional.ofNullable(acknowledged.get(write));
    }

    List<Write> writesOf(int contact) {
        return IntStream.range(0, perContact).mapToObj(i -> new Write(contact, i)).toList();
    }

    /** HTTP answers other than 202 (a server that answers must accept these writes). */
    List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void writeAll(int contact) {
        for (Write write : writesOf(contact)) {
            HttpAnswer answer;
            try {
                answer = contacts.get(contact).write(write.body(), Optional.of(write.clientId()));
            } catch (UncheckedIOException e) {
                return;
            }
            if (answer.status() != 202) {
                refusals.add(write.clientId() + ": " + answer);
                return;
            }
            acknowledged.put(write, answer.json());
        }
    }
}
