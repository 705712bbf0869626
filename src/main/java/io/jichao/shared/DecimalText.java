package io.jichao.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads a decimal amount a person typed: digits with an optional point, full-width digits and
 * thousands separators tolerated, never via {@code double}. Shared by {@link Money} and {@link Kwh}
 * so both refuse bad input with the same rules and a key per problem.
 */
final class DecimalText {

    private DecimalText() {
    }

    /**
     * The exact value, refusing text that is not a number, negative, zero when not allowed, more
     * precise than {@code scale} decimals, or above {@code max}. {@code keyPrefix} names the family of
     * message keys, e.g. {@code error.money}.
     */
    static BigDecimal parse(String text, int scale, BigDecimal max, boolean zeroAllowed, String keyPrefix) {
        String cleaned = text == null ? "" : normalize(text);
        if (!cleaned.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new DomainException(keyPrefix + ".not.number", text == null ? "" : text.strip());
        }
        BigDecimal value = new BigDecimal(cleaned);
        if (value.signum() < 0) {
            throw new DomainException(keyPrefix + ".negative");
        }
        if (value.signum() == 0 && !zeroAllowed) {
            throw new DomainException(keyPrefix + ".zero");
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw new DomainException(keyPrefix + ".decimals", scale);
        }
        if (value.compareTo(max) > 0) {
            throw new DomainException(keyPrefix + ".too.large", max.toPlainString());
        }
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** Full-width digits and points (typed with a Chinese IME), blanks and thousands commas removed. */
    private static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
            } else if (c == '．' || c == '。') {
                out.append('.');
            } else if (c == '＋') {
                out.append('+');
            } else if (c == '－') {
                out.append('-');
            } else if (c != ',' && c != '，' && c != '¥' && c != '￥' && !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
