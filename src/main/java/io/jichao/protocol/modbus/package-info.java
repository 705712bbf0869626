/**
 * Modbus RTU in plain Java, as spoken to water, heat and flow meters behind transparent
 * serial-to-Ethernet collectors: CRC-16/MODBUS, register read and write requests, their answers
 * and typed exception answers, 32-bit values with configurable word order, and a stream parser
 * that finds frame ends from the function code and byte count (TCP re-chunks, so silence means
 * nothing). Depends on the JDK only.
 */
package io.jichao.protocol.modbus;
