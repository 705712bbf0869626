package io.jichao.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Test helper: seeded random cases for round-trip properties. Case {@code i} draws its value from
 * {@code new SplittableRandom(seed + i)}; a failure names that seed and the value, so the failing
 * case can be regenerated exactly. Number ranges lean towards their ends (and zero) one draw in
 * eight, where encoding mistakes tend to hide.
 */
public final class RandomCases {

    private static final int EDGE_ONE_IN = 8;
    private static final float[] FLOAT_EDGES = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE};

    private RandomCases() {
    }

    /** Checks {@code property} against {@code cases} generated values, case {@code i} from seed {@code seed + i}. */
    public static <T> void forAll(long seed, int cases, Function<RandomGenerator, T> generator,
            Consumer<? super T> property) {
        for (int i = 0; i < cases; i++) {
            long caseSeed = seed + i;
            T value = null;
            try {
                value = generator.apply(new SplittableRandom(caseSeed));
                property.accept(value);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError("case " + i + " of " + cases + " failed (seed " + caseSeed + "L) for "
                        + value + ": " + failure.getMessage(), failure);
            }
        }
    }

    /** A value in {@code min..max}, both inclusive. */
    public static int between(RandomGenerator random, int min, int max) {
        return (int) between(random, (long) min, max);
    }

    /** A value in {@code min..max}, both inclusive. */
    public static long between(RandomGenerator random, long min, long max) {
        if (random.nextInt(EDGE_ONE_IN) == 0) {
            long[] edges = {min, Math.min(min + 1, max), Math.max(max - 1, min), max, Math.clamp(0, min, max)};
            return edges[random.nextInt(edges.length)];
        }
        return random.nextLong(min, Math.addExact(max, 1));
    }

    /** Any int. */
    public static int anyInt(RandomGenerator random) {
        return between(random, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Any finite float, subnormals and negative zero included; no NaN, no infinity. */
    public static float finiteFloat(RandomGenerator random) {
        if (random.nextInt(EDGE_ONE_IN) == 0) {
            return FLOAT_EDGES[random.nextInt(FLOAT_EDGES.length)];
        }
        float value;
        do {
            value = Float.intBitsToFloat(random.nextInt());
        } while (!Float.isFinite(value));
        return value;
    }

    @SafeVarargs
    public static <T> T oneOf(RandomGenerator random, T... values) {
        return values[random.nextInt(values.length)];
    }

    public static <T> T oneOf(RandomGenerator random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A list of {@code minSize..maxSize} elements. */
    public static <T> List<T> listOf(RandomGenerator random, int minSize, int maxSize,
            Function<RandomGenerator, T> element) {
        int size = between(random, minSize, maxSize);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.apply(random));
        }
        return list;
    }
}
