package io.jichao.collection.link;

/** Writes a message to the connection currently attached to a bus. */
public interface LinkTransport {

    void send(Object message);
}
