package io.jichao.simulator;

import io.jichao.protocol.dlt645.MeterAddress;

/** Anything that sits on a simulated bus and answers to its address. */
public sealed interface BusDevice permits ElectricMeter, WaterMeter {

    MeterAddress address();

    DeviceFaults faults();
}
