/**
 * Netty transport of the collection engine (internal to {@code collection}). {@link
 * io.jichao.collection.link.BusLink} is the pure state machine of one bus (one exchange in flight,
 * priority queue, timer per attempt, retries, gap, matching); {@link
 * io.jichao.collection.link.PortLink} confines it to one event loop and feeds it from whichever
 * connection carries the port: {@link io.jichao.collection.link.ServerPortConnector} (we connect,
 * with back-off) or {@link io.jichao.collection.link.DialInServer} (the unit connects and registers).
 */
package io.jichao.collection.link;
