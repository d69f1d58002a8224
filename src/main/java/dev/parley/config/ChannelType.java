package dev.parley.config;

/** The messaging apps a channel connects ({@code type} of a {@code channels} entry). */
public enum ChannelType {
    WHATSAPP, MESSENGER, TELEGRAM, SMS, THREEMA, CUSTOM
}
