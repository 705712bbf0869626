/**
 * DL/T 645-1997 and DL/T 645-2007 meter protocol in plain Java: meter addresses, control codes,
 * frames and a stream parser with explicit states, the data identifier catalog with typed,
 * exact value decoding and encoding, request builders and typed answers. Nothing here touches
 * I/O or any framework, so the same code serves the collection engine, the meter simulator and
 * offline tools; transports adapt it (see {@code io.jichao.collection.codec}).
 */
package io.jichao.protocol.dlt645;
