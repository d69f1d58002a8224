package dev.parley.nlu;

/** A data set that cannot be used, with the file and line of the problem in its message. */
public final class InvalidDataException extends RuntimeException {
    public InvalidDataException(String message) {
        super(message);
    }
}
