package dev.parley.conversation;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Answers a long poll from the store, woken by the {@link LiveHub}: reads at once, and while the answer has
 * nothing new, waits up to {@code wait} for a push that may have brought something and reads again.
 */
final class LongPoll {
    private LongPoll() {}

    /**
     * @param read      reads the answer from the store
     * @param news      whether an answer has something new (then it is given at once)
     * @param subscribe subscribes a wake-up call to the pushes that may bring news
     * @return the first answer with news, else the last one read when {@code wait} is over
     */
    static <T> T answer(Duration wait, Supplier<T> read, Predicate<T> news,
            Function<Runnable, LiveHub.Subscription> subscribe) {
        T answer = read.get();
        if (news.test(answer) || wait.isZero()) {
            return answer;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        Semaphore pushed = new Semaphore(0);
        try (LiveHub.Subscription ignored = subscribe.apply(pushed::release)) {
            while (true) {
                // read after subscribing and after taking the pushes so far: whatever commits later wakes us
                pushed.drainPermits();
                answer = read.get();
                long left = deadline - System.nanoTime();
                if (news.test(answer) || left <= 0 || !pushed.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    return answer;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answer;
        }
    }
}
