package dev.parley.bench;

/** The benchmark could not set itself up or run (a server did not start, a database was not there). */
final class BenchException extends RuntimeException {
    BenchException(String message, Throwable cause) {
        super(message, cause);
    }

    BenchException(String message) {
        super(message);
    }
}
