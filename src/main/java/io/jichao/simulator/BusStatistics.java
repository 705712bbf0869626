package io.jichao.simulator;

/**
 * What one bus has done so far, for tests and monitoring.
 *
 * @param requests          frames that arrived from TCP
 * @param dropped           requests lost to a short or a full transmit queue
 * @param silent            requests no meter answered (unknown address, broadcast, offline meter)
 * @param answers           answers put on the wire (including spoiled ones)
 * @param corruptedAnswers  answers sent with a wrong checksum
 * @param garbageBursts     bursts of random bytes sent
 */
public record BusStatistics(long requests, long dropped, long silent, long answers, long corruptedAnswers,
                            long garbageBursts) {
}
