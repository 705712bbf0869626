package io.jichao.archive;

import org.springframework.stereotype.Component;

import io.jichao.shared.DomainException;

/** Loads archive entities by ID with a readable error when one is missing. Package-internal. */
@Component
class ArchiveLookup {

    private final BuildingRepository buildings;
    private final FloorRepository floors;
    private final DistributionBoxRepository boxes;
    private final SerialPortRepository ports;
    private final CollectorRepository collectors;

    ArchiveLookup(BuildingRepository buildings, FloorRepository floors, DistributionBoxRepository boxes,
                  SerialPortRepository ports, CollectorRepository collectors) {
        this.buildings = buildings;
        this.floors = floors;
        this.boxes = boxes;
        this.ports = ports;
        this.collectors = collectors;
    }

    Building building(Long id) {
        return buildings.findById(id).orElseThrow(() -> new DomainException("error.building.not.found"));
    }

    Floor floor(Long id) {
        return floors.findById(id).orElseThrow(() -> new DomainException("error.floor.not.found"));
    }

    DistributionBox box(Long id) {
        return boxes.findById(id).orElseThrow(() -> new DomainException("error.box.not.found"));
    }

    SerialPort port(Long id) {
        return ports.findById(id).orElseThrow(() -> new DomainException("error.port.not.found"));
    }

    Collector collector(Long id) {
        return collectors.findById(id).orElseThrow(() -> new DomainException("error.collector.not.found"));
    }
}
