package io.jichao.collection.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.protocol.modbus.ModbusMessage;
import io.jichao.protocol.modbus.ModbusRequest;
import io.jichao.protocol.modbus.ModbusResponse;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated byte streams, cut into random chunks, fed to the decoders under paranoid
 * leak detection: nothing may escape to the pipeline, the held-back buffer stays within one frame,
 * only messages come out, every buffer is released, and untouched frames in a stream all decode.
 * Seeded, so a failure reproduces.
 */
class DecoderFuzzTest {

    private static final int STREAMS = 1500;
    private static final int MAX_MODBUS_FRAME = 256;
    private static ResourceLeakDetector.Level previousLevel;

    private final Random random = new Random(0x645_2007L);

    @BeforeAll
    static void paranoidLeakDetection() {
        previousLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterAll
    static void restoreLeakDetection() {
        ResourceLeakDetector.setLevel(previousLevel);
    }

    @Test
    void dlt645_decoder_survives_random_bytes() {
        fuzz(Dlt645FrameDecoder::new, () -> randomBytes(random.nextInt(700)),
                Dlt645Frame.OVERHEAD + Dlt645Frame.MAX_DATA_LENGTH, Dlt645Frame.class);
    }

    @Test
    void dlt645_decoder_survives_mutated_frames_and_decodes_the_intact_ones() {
        for (int i = 0; i < STREAMS; i++) {
            List<Dlt645Frame> frames = new ArrayList<>();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            for (int f = random.nextInt(5) + 1; f > 0; f--) {
                Dlt645Frame frame = randomDltFrame();
                frames.add(frame);
                stream.writeBytes(frame.encode(random.nextBoolean()));
                if (random.nextInt(4) == 0) {
                    stream.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF});
                }
            }
            boolean mutate = i % 2 == 1;
            byte[] bytes = mutate ? mutate(stream.toByteArray()) : stream.toByteArray();
            List<Object> decoded = feed(new Dlt645FrameDecoder(), bytes, Dlt645Frame.OVERHEAD + Dlt645Frame.MAX_DATA_LENGTH,
                    Dlt645Frame.class);
            if (!mutate) {
                assertThat(decoded).isEqualTo(frames);
            }
        }
    }

    @Test
    void modbus_master_decoder_survives_random_and_mutated_answers() {
        fuzz(ModbusRtuDecoder::forMaster, () -> random.nextBoolean() ? randomBytes(random.nextInt(600))
                : mutate(randomResponse().encode()), MAX_MODBUS_FRAME, ModbusMessage.class);
        for (int i = 0; i < STREAMS / 3; i++) {
            ModbusResponse response = randomResponse();
            assertThat(feed(ModbusRtuDecoder.forMaster(), response.encode(), MAX_MODBUS_FRAME, ModbusMessage.class))
                    .containsExactly(response);
        }
    }

    @Test
    void modbus_slave_decoder_survives_random_and_mutated_requests() {
        fuzz(ModbusRtuDecoder::forSlave, () -> random.nextBoolean() ? randomBytes(random.nextInt(600))
                : mutate(randomRequest().encode()), MAX_MODBUS_FRAME, ModbusMessage.class);
    }

    @Test
    void leak_check_notices_a_buffer_nobody_released() {
        TrackingAllocator allocator = new TrackingAllocator();
        ByteBuf forgotten = allocator.directBuffer(4);
        assertThat(allocator.unreleased()).containsExactly(forgotten);
        forgotten.release();
        assertThat(allocator.unreleased()).isEmpty();
    }

    private void fuzz(Supplier<? extends BoundedStreamDecoder> decoders, Supplier<byte[]> streams,
            int maxHeldBack, Class<?> messageType) {
        for (int i = 0; i < STREAMS; i++) {
            feed(decoders.get(), streams.get(), maxHeldBack, messageType);
        }
    }

    /** Feeds one stream in random chunks and checks every invariant; returns what came out. */
    private List<Object> feed(BoundedStreamDecoder decoder, byte[] stream, int maxHeldBack, Class<?> messageType) {
        TrackingAllocator allocator = new TrackingAllocator();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(allocator);
        channel.pipeline().addLast((ChannelHandler) decoder);
        int position = 0;
        while (position < stream.length) {
            int chunk = Math.min(stream.length - position, 1 + random.nextInt(random.nextBoolean() ? 8 : 300));
            ByteBuf buffer = random.nextBoolean() ? allocator.heapBuffer(chunk) : allocator.directBuffer(chunk);
            buffer.writeBytes(stream, position, chunk);
            channel.writeInbound(buffer);
            channel.checkException();
            assertThat(decoder.bufferedBytes()).isLessThan(maxHeldBack);
            position += chunk;
        }
        List<Object> out = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            assertThat(message).isInstanceOf(messageType);
            out.add(message);
        }
        channel.finishAndReleaseAll();
        channel.checkException();
        assertThat(allocator.unreleased()).as("leaked buffers").isEmpty();
        return out;
    }

    private Dlt645Frame randomDltFrame() {
        StringBuilder digits = new StringBuilder();
        for (int d = 0; d < 12; d++) {
            digits.append(random.nextInt(10));
        }
        byte[] data = randomBytes(random.nextInt(4) == 0 ? random.nextInt(201) : random.nextInt(24));
        return Dlt645Frame.of(MeterAddress.of(digits.toString()), random.nextInt(256), data);
    }

    private ModbusResponse randomResponse() {
        int unit = 1 + random.nextInt(247);
        return switch (random.nextInt(4)) {
            case 0 -> new ModbusResponse.ReadRegistersResponse(unit, 3 + random.nextInt(2), registers(1 + random.nextInt(125)));
            case 1 -> new ModbusResponse.WriteSingleRegisterResponse(unit, random.nextInt(0x10000), random.nextInt(0x10000));
            case 2 -> new ModbusResponse.WriteMultipleRegistersResponse(unit, random.nextInt(0x10000), 1 + random.nextInt(123));
            default -> new ModbusResponse.ExceptionResponse(unit, 3, 1 + random.nextInt(11));
        };
    }

    private ModbusRequest randomRequest() {
        int unit = random.nextInt(248);
        return switch (random.nextInt(3)) {
            case 0 -> new ModbusRequest.ReadHoldingRegisters(unit, random.nextInt(0xFF00), 1 + random.nextInt(125));
            case 1 -> new ModbusRequest.WriteSingleRegister(unit, random.nextInt(0x10000), random.nextInt(0x10000));
            default -> new ModbusRequest.WriteMultipleRegisters(unit, random.nextInt(0xFF00), registers(1 + random.nextInt(123)));
        };
    }

    private List<Integer> registers(int count) {
        List<Integer> registers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            registers.add(random.nextInt(0x10000));
        }
        return registers;
    }

    /** Flips, inserts and deletes a few bytes, biased towards protocol-significant values. */
    private byte[] mutate(byte[] original) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] special = {0x68, 0x16, (byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xC8, (byte) 0xC9, 0x03, 0x10};
        for (byte b : original) {
            int dice = random.nextInt(40);
            if (dice == 0) {
                continue;
            }
            if (dice == 1) {
                out.write(special[random.nextInt(special.length)]);
            }
            out.write(dice == 2 ? random.nextInt(256) : b);
        }
        return out.toByteArray();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
