package dev.parley.metrics;

import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * The log context (SLF4J MDC) of the work a thread is doing: which request, conversation, bot and outbox
 * event it belongs to. Every log line written meanwhile carries these keys, in text and JSON. Whoever
 * starts a unit of work (an HTTP request, an outbox delivery) clears the context when it ends.
 */
public final class LogContext {
    public static final String REQUEST_ID = "request_id";
    public static final String CONVERSATION_ID = "conversation_id";
    public static final String BOT_ID = "bot_id";
    public static final String EVENT_ID = "event_id";

    private LogContext() {}

    public static void request(String requestId) {
        MDC.put(REQUEST_ID, requestId);
    }

    public static void conversation(String conversationId) {
        MDC.put(CONVERSATION_ID, conversationId);
    }

    public static void bot(String botId) {
        MDC.put(BOT_ID, botId);
    }

    public static void event(String eventId) {
        MDC.put(EVENT_ID, eventId);
    }

    /** Ends the unit of work: the thread's next work starts with an empty context. */
    public static void clear() {
        MDC.clear();
    }

    /** {@code task}, run on another thread with the context of the thread that created it. */
    public static <T> Callable<T> carried(Callable<T> task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            if (context == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(context);
            }
            try {
                return task.call();
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        };
    }
}
