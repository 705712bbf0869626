package io.jichao.collection.link;

import java.util.Optional;

/** Finds the port a dial-in connection registered for. */
@FunctionalInterface
public interface PortDirectory {

    Optional<PortLink> dialInPort(String registrationId, int portNumber);
}
