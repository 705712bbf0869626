package io.jichao.archive;

/** Serial parity of an RS-485 port; DL/T 645 buses use EVEN (8E1). */
public enum Parity {
    EVEN, NONE, ODD
}
