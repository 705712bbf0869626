package io.jichao.collection;

import java.time.Instant;

import io.jichao.collection.link.PortKey;

/** A port's connection state and since when it holds. */
public record PortLinkState(PortKey port, LinkState state, Instant since) {
}
