/**
 * A simulated park of DH600 serial-to-Ethernet collectors and the meters behind them, for
 * developing and testing the collection engine without hardware: SERVER-mode collectors listen on
 * one TCP port per serial port, CLIENT-mode ones dial in (first packet the ASCII registration
 * {@code <registration>:<port number>}, e.g. {@code DH600-D:1}, then the ASCII heartbeat after each
 * idle interval, no line endings); each port is a half-duplex RS-485 bus with transfer times from
 * its baud rate, where DL/T 645-1997/2007 electricity meters and Modbus RTU water meters answer
 * only to their own address, integrating energy from a daily load profile over a controllable
 * {@link io.jichao.simulator.SimulationClock}, counting prepaid credit down, tripping on overload
 * and keeping hourly and daily freezes; faults (short, garbage, slow or offline meter, checksum
 * errors, collector reboot) are injected at run time through
 * {@link io.jichao.simulator.FaultInjector}. Configuration is {@link io.jichao.simulator.SimulatorConfig},
 * built in code or read from YAML by {@link io.jichao.simulator.SimulatorConfigYaml}:
 *
 * <pre>
 * simulator:
 *   timeScale: 1            # simulated seconds per real second (default 1)
 *   seed: 42                # default 0
 *   zone: Asia/Shanghai     # meters' local time (default)
 *   collectors:
 *     - id: A
 *       model: DH604        # DH601, DH602, DH604, DH608
 *       mode: SERVER        # default; CLIENT needs dialIn instead of listenHost
 *       listenHost: 127.0.0.1
 *       ports:
 *         - number: 1       # default: position in the list + 1
 *           tcpPort: 17001  # 0 (default) = any free port
 *           baud: 2400      # default by protocol: 1200 / 2400 / 9600
 *           parity: EVEN    # default EVEN for DL/T 645, NONE for Modbus
 *           protocol: DLT645_2007   # DLT645_1997, DLT645_2007 (default), MODBUS_RTU
 *           responseDelay: 50ms     # default 50ms; 0 for fast tests
 *           meters:
 *             - address: "370101010001"   # quoted; Modbus: unit id as 12 digits
 *               phase: THREE              # SINGLE, THREE (default)
 *               loadProfile: OFFICE       # OFFICE (default), SHOP, RESIDENTIAL, FLAT
 *               baseLoadKw: 0.5           # Modbus: m³/h
 *               peakLoadKw: 5             # Modbus: m³/h
 *               loadNoise: 0.05           # relative per-minute noise
 *               initialEnergyKwh: 0       # Modbus: m³
 *               remainingKwh: 150         # prepaid credit; omit for post-paid
 *               maxPowerKw: 30            # 0 = no overload check
 *               suddenPowerKw: 0          # 0 = no sudden-power check
 *               reverseShare: 0           # share of energy flowing in reverse
 *               password: "000000"        # write password, level 02 or lower
 *     - id: D
 *       model: DH602
 *       mode: CLIENT
 *       dialIn: { host: 127.0.0.1, port: 17900, registration: DH600-D, heartbeat: HB, heartbeatInterval: 30s }
 *       ports: [ ... ]
 * </pre>
 *
 * Depends on Netty, the protocol cores and their codecs only; the Spring glue lives in
 * {@code io.jichao.demo}.
 */
package io.jichao.simulator;
