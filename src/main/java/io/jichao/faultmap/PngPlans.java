package io.jichao.faultmap;

import java.nio.ByteBuffer;
import java.util.Arrays;

import io.jichao.shared.DomainException;

/**
 * Checks a PNG by its bytes: the 8-byte signature {@code 89 50 4E 47 0D 0A 1A 0A}, an IHDR chunk
 * first (length 13, then width and height as big-endian ints) and the IEND chunk
 * {@code 00 00 00 00 49 45 4E 44 AE 42 60 82} at the end. The image is never decoded on the server,
 * so a small file claiming a huge size costs nothing beyond the refusal.
 */
final class PngPlans {

    static final int MAX_SIDE = 10_000;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] IHDR = {0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private PngPlans() {
    }

    static boolean looksLikePng(byte[] content) {
        return content.length >= SIGNATURE.length
                && Arrays.equals(content, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    static PlanImage check(byte[] content) {
        int minimum = SIGNATURE.length + IHDR.length + 13 + 4 + IEND.length;
        if (content.length < minimum
                || !Arrays.equals(content, 8, 16, IHDR, 0, IHDR.length)
                || !Arrays.equals(content, content.length - IEND.length, content.length, IEND, 0, IEND.length)) {
            throw new DomainException("faultmap.error.png.broken");
        }
        ByteBuffer header = ByteBuffer.wrap(content, 16, 8);
        int width = header.getInt();
        int height = header.getInt();
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new DomainException("faultmap.error.plan.dimensions", MAX_SIDE);
        }
        return new PlanImage(PlanFormat.PNG, width, height, content);
    }
}
