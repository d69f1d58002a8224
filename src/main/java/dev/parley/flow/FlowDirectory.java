package dev.parley.flow;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The folder a flow file lies in: where the files it names by a relative path — jump targets and
 * included intents — are found. A flow given as text alone has none.
 */
record FlowDirectory(Optional<Path> folder, String source) {

    /** A file a flow includes: its name as problems give it, and its text or why it cannot be read. */
    record Included(String source, Path file, Optional<String> text, String unreadable) {
    }

    static FlowDirectory of(Path flowFile, String source) {
        return new FlowDirectory(Optional.of(flowFile.toAbsolutePath().getParent()), source);
    }

    static FlowDirectory none(String source) {
        return new FlowDirectory(Optional.empty(), source);
    }

    /** Whether the flow file {@code ref} exists; without a folder every reference is taken on trust. */
    boolean exists(String ref) {
        return folder.map(dir -> Files.isRegularFile(dir.resolve(ref))).orElse(true);
    }

    /** The file {@code ref} names, read; empty when this flow has no folder. */
    Optional<Included> include(String ref) {
        return folder.map(dir -> {
            Path file = dir.resolve(ref).normalize();
            String name = Optional.ofNullable(Path.of(source).getParent()).map(p -> p.resolve(ref).normalize())
                    .orElse(Path.of(ref).normalize()).toString();
            try {
                return new Included(name, file, Optional.of(Files.readString(file)), "");
            } catch (IOException e) {
                return new Included(name, file, Optional.empty(), describe(e));
            }
        });
    }

    static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            case MalformedInputException encoding -> "not UTF-8 text";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
