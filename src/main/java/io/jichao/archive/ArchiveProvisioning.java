package io.jichao.archive;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds archive data on behalf of the system at start-up (the demo site, provisioning
 * scripts), when no operator is logged in. Runs inside the caller's transaction and is not
 * reachable from any view; operator-facing changes go through the scoped services.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ArchiveProvisioning {

    private final SiteRepository sites;
    private final PropertyOfficeRepository offices;
    private final BuildingRepository buildings;
    private final FloorRepository floors;
    private final DistributionBoxRepository boxes;
    private final CollectorRepository collectors;
    private final HouseholdRepository households;
    private final MeterRepository meters;
    private final SerialPortRepository ports;

    ArchiveProvisioning(SiteRepository sites, PropertyOfficeRepository offices, BuildingRepository buildings,
                        FloorRepository floors, DistributionBoxRepository boxes, CollectorRepository collectors,
                        HouseholdRepository households, MeterRepository meters,
                        SerialPortRepository ports) {
        this.sites = sites;
        this.offices = offices;
        this.buildings = buildings;
        this.floors = floors;
        this.boxes = boxes;
        this.collectors = collectors;
        this.households = households;
        this.meters = meters;
        this.ports = ports;
    }

    public boolean isEmpty() {
        return sites.count() == 0 && buildings.count() == 0;
    }

    public Site site(String name, String code) {
        return sites.save(new Site(name, code));
    }

    public PropertyOffice office(String name) {
        return offices.save(new PropertyOffice(name));
    }

    public Building building(Site site, PropertyOffice office, String code, String name) {
        Building building = new Building(site, name, code);
        building.setPropertyOffice(office);
        return buildings.save(building);
    }

    public Floor floor(Building building, int level, String name) {
        return floors.save(new Floor(building, level, name));
    }

    public DistributionBox box(Floor floor, String code, String name) {
        return boxes.save(new DistributionBox(floor, code, name));
    }

    public Collector collector(Collector collector) {
        return collectors.save(collector);
    }

    /** Adds a serial port to a collector that is already saved. */
    public SerialPort port(Collector collector, int number, int baudRate, Parity parity, MeterProtocol protocol,
                           Integer tcpPort) {
        return ports.save(collector.addPort(number, baudRate, parity, protocol, tcpPort));
    }

    public Household household(Building building, String room, String name, List<String> phones) {
        Household household = new Household(building, room, name);
        household.setPhones(phones);
        return households.save(household);
    }

    public Meter meter(Meter meter) {
        return meters.save(meter);
    }
}
