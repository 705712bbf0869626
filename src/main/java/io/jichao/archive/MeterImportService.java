package io.jichao.archive;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.archive.MeterImportPreview.Problem;
import io.jichao.archive.MeterImportPreview.Row;
import io.jichao.archive.MeterSpreadsheet.RawRow;
import io.jichao.archive.SiteStructure.BoxView;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.FloorView;
import io.jichao.security.CurrentOperator;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * Bulk meter import from CSV or XLSX (R21) in two steps: {@link #preview} reads the file and
 * checks every row as the service would (rules, district, one address per bus, duplicates
 * within the file) without saving; {@link #commit} saves all rows of a clean preview in one
 * transaction. Nothing is ever half-imported: one bad row and nothing is saved.
 *
 * <p>Rows name places the way people know them (building code, floor level, box code,
 * collector name, port number); they are resolved only among what the operator's district
 * shows, so a row cannot reach outside it.
 */
@Service
public class MeterImportService {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;

    private final MeterService meters;
    private final SiteStructureService structure;
    private final CollectorService collectors;
    private final CurrentOperator currentOperator;

    MeterImportService(MeterService meters, SiteStructureService structure, CollectorService collectors,
                       CurrentOperator currentOperator) {
        this.meters = meters;
        this.structure = structure;
        this.collectors = collectors;
        this.currentOperator = currentOperator;
    }

    @Transactional(readOnly = true)
    public MeterImportPreview preview(byte[] content) {
        currentOperator.get().require(Permission.EDIT_METERS);
        if (content.length > MAX_BYTES) {
            return MeterImportPreview.ofFileProblem("error.import.file.too.large", MAX_BYTES / (1024 * 1024));
        }
        MeterSpreadsheet.Content file = MeterSpreadsheet.read(content, MAX_ROWS);
        if (!file.problems().isEmpty()) {
            return new MeterImportPreview(file.rows().size(), List.of(), file.problems());
        }
        if (file.rows().isEmpty()) {
            return MeterImportPreview.ofFileProblem("error.import.empty");
        }
        Places places = new Places();
        Map<BusKey, Integer> firstRowOnBus = new HashMap<>();
        List<Row> ready = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (RawRow raw : file.rows()) {
            RowReader reader = new RowReader(raw, places);
            MeterDraft draft = reader.draft();
            if (draft != null) {
                for (DomainException e : meters.check(draft, null)) {
                    reader.problem(MeterField.blamedFor(e).orElse(null), e);
                }
                BusKey bus = new BusKey(draft.serialPortId(), draft.address(), draft.deviceChannel());
                Integer first = firstRowOnBus.putIfAbsent(bus, raw.rowNumber());
                if (first != null) {
                    reader.problem(MeterField.ADDRESS,
                            new DomainException("error.import.duplicate", draft.address(), first));
                }
            }
            if (reader.problems.isEmpty()) {
                ready.add(new Row(raw.rowNumber(), draft));
            }
            problems.addAll(reader.problems);
        }
        return new MeterImportPreview(file.rows().size(), ready, problems);
    }

    /**
     * An empty import file with every column, UTF-8 with a byte order mark so Excel opens it
     * correctly; headers in Chinese or as the canonical English keys (both are accepted).
     */
    public static byte[] templateCsv(boolean chineseHeaders) {
        String header = Arrays.stream(MeterField.values())
                .map(field -> chineseHeaders ? field.chineseHeader() : field.key())
                .collect(Collectors.joining(","));
        return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Saves every row of a clean preview, all or nothing; the service checks each row again. */
    @Transactional
    public int commit(MeterImportPreview preview) {
        if (!preview.importable()) {
            throw new DomainException("error.import.not.clean");
        }
        return meters.createAll(preview.drafts());
    }

    /** Within one file the same address (and channel) may appear once per bus; no bus counts as one bus. */
    private record BusKey(Long serialPortId, String address, Integer channel) {
    }

    /** The district's buildings, floors, boxes and collectors, each fetched once per import. */
    private final class Places {
        private final List<BuildingView> buildings = structure.buildings();
        private final List<CollectorView> collectorList = collectors.list();
        private final Map<Long, List<FloorView>> floors = new HashMap<>();
        private final Map<Long, List<BoxView>> boxes = new HashMap<>();

        Optional<BuildingView> building(String code) {
            return buildings.stream().filter(b -> b.code().equals(code)).findFirst()
                    .or(() -> buildings.stream().filter(b -> b.code().equalsIgnoreCase(code)
                            || b.name().equals(code)).findFirst());
        }

        Optional<FloorView> floor(long buildingId, int level) {
            return floors.computeIfAbsent(buildingId, structure::floors).stream()
                    .filter(f -> f.level() == level).findFirst();
        }

        Optional<BoxView> box(long buildingId, String code) {
            return boxes.computeIfAbsent(buildingId, structure::boxes).stream()
                    .filter(b -> b.code().equalsIgnoreCase(code)).findFirst();
        }

        Optional<CollectorView> collector(String name) {
            return collectorList.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /** Reads one row into a draft, collecting a problem per unreadable or unknown cell. */
    private static final class RowReader {
        private final RawRow raw;
        private final Places places;
        private final List<Problem> problems = new ArrayList<>();

        RowReader(RawRow raw, Places places) {
            this.raw = raw;
            this.places = places;
        }

        /** The draft, or null when a cell could not be read (the rules then have nothing to check). */
        MeterDraft draft() {
            // Blank rather than null, so the rules' message quotes what the cell held.
            String address = raw.get(MeterField.ADDRESS).strip();
            Integer channel = cell(MeterField.CHANNEL, MeterImportValues::integer);
            MeterProtocol protocol = cell(MeterField.PROTOCOL, MeterImportValues::protocol);
            Phase phase = cell(MeterField.PHASE, MeterImportValues::phase);
            BillingMode billingMode = cell(MeterField.BILLING_MODE, MeterImportValues::billingMode);
            Integer ct = cell(MeterField.CT_RATIO, MeterImportValues::integer);
            Integer pt = cell(MeterField.PT_RATIO, MeterImportValues::integer);
            BigDecimal maxPower = cell(MeterField.MAX_POWER_KW, MeterImportValues::decimal);
            BigDecimal alarm1 = cell(MeterField.ALARM1_KWH, MeterImportValues::decimal);
            BigDecimal alarm2 = cell(MeterField.ALARM2_KWH, MeterImportValues::decimal);
            BuildingView building = building();
            Long floorId = null;
            Long boxId = null;
            if (building != null) {
                floorId = floor(building);
                boxId = box(building);
            }
            Long portId = port();
            if (!problems.isEmpty()) {
                return null;
            }
            return new MeterDraft(address, channel, protocol, phase, billingMode,
                    building == null ? null : building.id(), floorId, boxId, portId,
                    Objects.requireNonNullElse(ct, 1), Objects.requireNonNullElse(pt, 1), maxPower, alarm1, alarm2,
                    MeterImportValues.text(raw.get(MeterField.ROOM)),
                    MeterImportValues.text(raw.get(MeterField.HOUSEHOLD)),
                    MeterImportValues.phones(raw.get(MeterField.PHONES)));
        }

        private BuildingView building() {
            String code = MeterImportValues.text(raw.get(MeterField.BUILDING));
            if (code == null) {
                return null;
            }
            Optional<BuildingView> building = places.building(code);
            if (building.isEmpty()) {
                // Same answer for a building that does not exist and one outside the district.
                problem(MeterField.BUILDING, new DomainException("error.import.building.unknown", code));
            }
            return building.orElse(null);
        }

        private Long floor(BuildingView building) {
            Integer level = cell(MeterField.FLOOR, MeterImportValues::integer);
            if (level == null) {
                return null;
            }
            Optional<FloorView> floor = places.floor(building.id(), level);
            if (floor.isEmpty()) {
                problem(MeterField.FLOOR, new DomainException("error.import.floor.unknown", level, building.code()));
            }
            return floor.map(FloorView::id).orElse(null);
        }

        private Long box(BuildingView building) {
            String code = MeterImportValues.text(raw.get(MeterField.BOX));
            if (code == null) {
                return null;
            }
            Optional<BoxView> box = places.box(building.id(), code);
            if (box.isEmpty()) {
                problem(MeterField.BOX, new DomainException("error.import.box.unknown", code, building.code()));
            }
            return box.map(BoxView::id).orElse(null);
        }

        private Long port() {
            String name = MeterImportValues.text(raw.get(MeterField.COLLECTOR));
            Integer number = cell(MeterField.PORT, MeterImportValues::integer);
            if (name == null) {
                if (number != null) {
                    problem(MeterField.COLLECTOR, new DomainException("error.import.collector.required"));
                }
                return null;
            }
            Optional<CollectorView> collector = places.collector(name);
            if (collector.isEmpty()) {
                problem(MeterField.COLLECTOR, new DomainException("error.import.collector.unknown", name));
                return null;
            }
            if (number == null) {
                problem(MeterField.PORT, new DomainException("error.import.port.required"));
                return null;
            }
            Optional<PortView> port = collector.get().ports().stream().filter(p -> p.portNumber() == number).findFirst();
            if (port.isEmpty()) {
                problem(MeterField.PORT, new DomainException("error.import.port.unknown", number, name));
            }
            return port.map(PortView::id).orElse(null);
        }

        private <T> T cell(MeterField field, Function<String, T> parser) {
            try {
                return parser.apply(raw.get(field));
            } catch (DomainException e) {
                problem(field, e);
                return null;
            }
        }

        void problem(MeterField field, DomainException e) {
            problems.add(new Problem(raw.rowNumber(), field, e.messageKey(), Arrays.asList(e.arguments())));
        }
    }
}
