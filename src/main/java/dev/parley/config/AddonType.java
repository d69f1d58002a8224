package dev.parley.config;

/** The kinds of add-ons, written in lower case as the {@code type} of an {@code addons} entry. */
enum AddonType {
    /** {@link AddonConfig.Webhook}. */
    WEBHOOK,
    /** {@link AddonConfig.Braze}. */
    BRAZE
}
