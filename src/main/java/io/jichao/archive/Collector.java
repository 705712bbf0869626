package io.jichao.archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;

/** A DH600 collector installed in a building, with one serial port per RS-485 bus (R16). */
@Entity
public class Collector {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Building building;

    private String name;

    @Enumerated(EnumType.STRING)
    private CollectorModel model;

    @Enumerated(EnumType.STRING)
    private ConnectionMode connectionMode;

    /** Host we connect to in SERVER mode. */
    private String host;

    /** The ID the collector announces when it dials in (CLIENT mode). */
    private String registrationId;

    private boolean enabled = true;

    /** Played by the built-in simulator (demo, tests); a real collector is never simulated. */
    private boolean simulated;

    @OneToMany(mappedBy = "collector", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<SerialPort> ports = new ArrayList<>();

    @Version
    private long version;

    protected Collector() {
    }

    public Collector(Building building, String name, CollectorModel model, ConnectionMode connectionMode) {
        this.building = building;
        this.name = name;
        this.model = model;
        this.connectionMode = connectionMode;
    }

    public SerialPort addPort(int portNumber, int baudRate, Parity parity, MeterProtocol protocol, Integer tcpPort) {
        SerialPort port = new SerialPort(this, portNumber, baudRate, parity, protocol, tcpPort);
        ports.add(port);
        return port;
    }

    public Long getId() {
        return id;
    }

    public Building getBuilding() {
        return building;
    }

    public void setBuilding(Building building) {
        this.building = building;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public CollectorModel getModel() {
        return model;
    }

    public void setModel(CollectorModel model) {
        this.model = model;
    }

    public ConnectionMode getConnectionMode() {
        return connectionMode;
    }

    public void setConnectionMode(ConnectionMode connectionMode) {
        this.connectionMode = connectionMode;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getRegistrationId() {
        return registrationId;
    }

    public void setRegistrationId(String registrationId) {
        this.registrationId = registrationId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isSimulated() {
        return simulated;
    }

    public void setSimulated(boolean simulated) {
        this.simulated = simulated;
    }

    public List<SerialPort> getPorts() {
        ports.sort(Comparator.comparingInt(SerialPort::getPortNumber));
        return ports;
    }
}
