package io.jichao.collection.link;

/**
 * Told when a port's connection comes and goes, on the port's event loop: an implementation
 * only records the fact and hands anything slower to another thread.
 */
public interface LinkObserver {

    LinkObserver NONE = new LinkObserver() {
        @Override
        public void connected(PortKey port) {
        }

        @Override
        public void disconnected(PortKey port) {
        }
    };

    void connected(PortKey port);

    void disconnected(PortKey port);
}
