package io.jichao.archive;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** One RS-485 port of a collector: a bus with its own baud rate, parity and protocol. */
@Entity
public class SerialPort {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Collector collector;

    private int portNumber;

    private int baudRate;

    @Enumerated(EnumType.STRING)
    private Parity parity;

    @Enumerated(EnumType.STRING)
    private MeterProtocol protocol;

    /** Data bits of a character on the bus: 8 for DL/T 645 and Modbus RTU, 7 for some ASCII devices. */
    private int dataBits = 8;

    /** Stop bits of a character on the bus: 1 or 2. */
    private int stopBits = 1;

    /** TCP port of this serial port on the collector (SERVER mode). */
    private Integer tcpPort;

    @Version
    private long version;

    protected SerialPort() {
    }

    SerialPort(Collector collector, int portNumber, int baudRate, Parity parity, MeterProtocol protocol, Integer tcpPort) {
        this.collector = collector;
        this.portNumber = portNumber;
        this.baudRate = baudRate;
        this.parity = parity;
        this.protocol = protocol;
        this.tcpPort = tcpPort;
    }

    public Long getId() {
        return id;
    }

    public Collector getCollector() {
        return collector;
    }

    public int getPortNumber() {
        return portNumber;
    }

    public int getBaudRate() {
        return baudRate;
    }

    public void setBaudRate(int baudRate) {
        this.baudRate = baudRate;
    }

    public Parity getParity() {
        return parity;
    }

    public void setParity(Parity parity) {
        this.parity = parity;
    }

    public int getDataBits() {
        return dataBits;
    }

    public void setDataBits(int dataBits) {
        this.dataBits = dataBits;
    }

    public int getStopBits() {
        return stopBits;
    }

    public void setStopBits(int stopBits) {
        this.stopBits = stopBits;
    }

    public MeterProtocol getProtocol() {
        return protocol;
    }

    public void setProtocol(MeterProtocol protocol) {
        this.protocol = protocol;
    }

    public Integer getTcpPort() {
        return tcpPort;
    }

    public void setTcpPort(Integer tcpPort) {
        this.tcpPort = tcpPort;
    }
}
