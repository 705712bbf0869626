package io.jichao.collection.codec;

import io.jichao.protocol.modbus.ModbusMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes Modbus RTU requests (master) or responses (slave), CRC included.
 *
 * <pre>
 * in : ReadHoldingRegisters[unitId=1, startAddress=0, quantity=10]
 * out: 01 03 00 00 00 0A C5 CD
 * </pre>
 */
@Sharable
public final class ModbusRtuEncoder extends MessageToByteEncoder<ModbusMessage> {

    public ModbusRtuEncoder() {
        super(ModbusMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ModbusMessage message, ByteBuf out) {
        out.writeBytes(message.encode());
    }
}
