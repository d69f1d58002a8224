package dev.parley.cli;

import dev.parley.config.ConfigException;
import dev.parley.store.StoreException;
import picocli.CommandLine;

/** Prints expected start-up failures as one clear line instead of a stack trace. */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigException || e instanceof StoreException || e instanceof IllegalArgumentException) {
            cl.getErr().println("parley: " + e.getMessage());
            return 2;
        }
        throw new IllegalStateException(e);
    }
}
