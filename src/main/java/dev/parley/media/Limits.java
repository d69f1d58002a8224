package dev.parley.media;

/** Says sizes in words. */
final class Limits {
    private Limits() {}

    /** e.g. {@code 10 MB (10485760 bytes)}. */
    static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB (" + bytes + " bytes)";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }
}
