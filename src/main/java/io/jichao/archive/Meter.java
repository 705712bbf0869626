package io.jichao.archive;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

/**
 * A metering point: one meter, or one household channel of a multi-user device (DHDSY box,
 * up to 36 channels behind one address). Building and floor are kept beside the box so that
 * district scoping and grid filters are simple indexed predicates.
 */
@Entity
public class Meter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String address;

    @Enumerated(EnumType.STRING)
    private MeterProtocol protocol;

    @Enumerated(EnumType.STRING)
    private Phase phase;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Building building;

    @ManyToOne(fetch = FetchType.LAZY)
    private Floor floor;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "box_id")
    private DistributionBox box;

    @ManyToOne(fetch = FetchType.LAZY)
    private SerialPort serialPort;

    /** Channel on a multi-user device; null for an ordinary meter. */
    private Integer deviceChannel;

    @ManyToOne(fetch = FetchType.LAZY)
    private Household household;

    /** Copy of the household's {@link Household#searchText()}, so the grid filters without joins. */
    private String householdSearch;

    @ManyToOne(fetch = FetchType.LAZY)
    private Meter parentMeter;

    private int ctRatio = 1;

    private int ptRatio = 1;

    @Enumerated(EnumType.STRING)
    private BillingMode billingMode;

    private BigDecimal maxPowerKw;

    @Column(name = "alarm_level1_kwh")
    private BigDecimal alarmLevel1Kwh;

    @Column(name = "alarm_level2_kwh")
    private BigDecimal alarmLevel2Kwh;

    /** Position on the floor plan, 0..1 of its width and height. */
    @Column(name = "plan_x")
    private BigDecimal planX;

    @Column(name = "plan_y")
    private BigDecimal planY;

    @Enumerated(EnumType.STRING)
    private MeterState state = MeterState.ACTIVE;

    private Instant removedAt;

    /** address/channel while active, null once removed: the database keeps it unique per bus. */
    private String busKey;

    @Version
    private long version;

    protected Meter() {
    }

    public Meter(String address, MeterProtocol protocol, Phase phase, Building building, BillingMode billingMode) {
        this.address = address;
        this.protocol = protocol;
        this.phase = phase;
        this.building = building;
        this.billingMode = billingMode;
    }

    @PrePersist
    @PreUpdate
    void updateBusKey() {
        busKey = state == MeterState.ACTIVE ? address + "/" + (deviceChannel == null ? 0 : deviceChannel) : null;
    }

    /** Marks the meter removed; its readings and history stay. */
    public void remove(Instant when) {
        this.state = MeterState.REMOVED;
        this.removedAt = when;
    }

    public Long getId() { return id; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public MeterProtocol getProtocol() { return protocol; }
    public void setProtocol(MeterProtocol protocol) { this.protocol = protocol; }
    public Phase getPhase() { return phase; }
    public void setPhase(Phase phase) { this.phase = phase; }
    public Building getBuilding() { return building; }
    public void setBuilding(Building building) { this.building = building; }
    public Floor getFloor() { return floor; }
    public void setFloor(Floor floor) { this.floor = floor; }
    public DistributionBox getBox() { return box; }
    public void setBox(DistributionBox box) { this.box = box; }
    public SerialPort getSerialPort() { return serialPort; }
    public void setSerialPort(SerialPort serialPort) { this.serialPort = serialPort; }
    public Integer getDeviceChannel() { return deviceChannel; }
    public void setDeviceChannel(Integer deviceChannel) { this.deviceChannel = deviceChannel; }
    public Household getHousehold() { return household; }
    public void setHousehold(Household household) {
        this.household = household;
        this.householdSearch = household == null ? null : household.searchText();
    }
    public Meter getParentMeter() { return parentMeter; }
    public void setParentMeter(Meter parentMeter) { this.parentMeter = parentMeter; }
    public int getCtRatio() { return ctRatio; }
    public void setCtRatio(int ctRatio) { this.ctRatio = ctRatio; }
    public int getPtRatio() { return ptRatio; }
    public void setPtRatio(int ptRatio) { this.ptRatio = ptRatio; }
    public BillingMode getBillingMode() { return billingMode; }
    public void setBillingMode(BillingMode billingMode) { this.billingMode = billingMode; }
    public BigDecimal getMaxPowerKw() { return maxPowerKw; }
    public void setMaxPowerKw(BigDecimal maxPowerKw) { this.maxPowerKw = maxPowerKw; }
    public BigDecimal getAlarmLevel1Kwh() { return alarmLevel1Kwh; }
    public void setAlarmLevel1Kwh(BigDecimal alarmLevel1Kwh) { this.alarmLevel1Kwh = alarmLevel1Kwh; }
    public BigDecimal getAlarmLevel2Kwh() { return alarmLevel2Kwh; }
    public void setAlarmLevel2Kwh(BigDecimal alarmLevel2Kwh) { this.alarmLevel2Kwh = alarmLevel2Kwh; }
    public BigDecimal getPlanX() { return planX; }
    public BigDecimal getPlanY() { return planY; }
    public void placeOnPlan(BigDecimal x, BigDecimal y) { this.planX = x; this.planY = y; }
    public MeterState getState() { return state; }
    public Instant getRemovedAt() { return removedAt; }
}
