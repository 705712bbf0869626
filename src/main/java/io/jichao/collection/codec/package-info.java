/**
 * Netty adapters for the pure protocol cores: stream decoders that turn re-chunked TCP bytes into
 * DL/T 645 frames or Modbus RTU messages, and the matching encoders. Decoders are bounded, count
 * what they discard and never let an exception reach the end of the pipeline; everything
 * protocol-specific stays in {@code io.jichao.protocol}.
 */
package io.jichao.collection.codec;
