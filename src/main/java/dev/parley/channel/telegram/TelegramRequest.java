package dev.parley.channel.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Bot API call a packet renders to: the method ({@code sendMessage}, {@code sendPhoto}…) and its JSON body. */
public record TelegramRequest(String method, ObjectNode body) {}
