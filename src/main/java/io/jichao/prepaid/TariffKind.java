package io.jichao.prepaid;

/** The three tariff shapes of R3. */
public enum TariffKind {
    FLAT, TIME_OF_USE, STEPPED
}
