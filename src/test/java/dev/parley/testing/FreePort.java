package dev.parley.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port, for processes that must be told their port up front (a server started by a
 * test, a Redis of its own). The ports lie below the kernel's ephemeral range (32768 and up), so no
 * outgoing connection and no {@code bind(0)} is ever given one, and each test JVM of a parallel run
 * ({@code parley.fork}, set by surefire to its fork number) hands out its own block of them: a port
 * handed out here cannot be taken by another fork between this check and the server's bind. Within
 * a JVM the ports go round the block in turn, so one is not handed out twice while it may be in use.
 */
public final class FreePort {
    static final int FIRST = 10_000;
    static final int BLOCK = 2_500;
    static final int BLOCKS = 8;

    private static final int fork = Math.floorMod(Integer.getInteger("parley.fork", 1) - 1, BLOCKS);
    private static int next = ThreadLocalRandom.current().nextInt(BLOCK);

    private FreePort() {}

    public static synchronized int next() {
        for (int tried = 0; tried < BLOCK; tried++) {
            int port = FIRST + fork * BLOCK + next;
            next = (next + 1) % BLOCK;
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port in " + (FIRST + fork * BLOCK) + ".."
                + (FIRST + fork * BLOCK + BLOCK - 1));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
