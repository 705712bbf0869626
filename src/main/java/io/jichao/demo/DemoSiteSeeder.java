package io.jichao.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.ArchiveProvisioning;
import io.jichao.archive.BillingMode;
import io.jichao.archive.Building;
import io.jichao.archive.Collector;
import io.jichao.archive.CollectorModel;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DistributionBox;
import io.jichao.archive.Floor;
import io.jichao.archive.Household;
import io.jichao.archive.Meter;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;
import io.jichao.archive.Phase;
import io.jichao.archive.PropertyOffice;
import io.jichao.archive.SerialPort;
import io.jichao.archive.Site;
import io.jichao.security.OperatorService;
import io.jichao.security.OperatorService.OperatorDraft;
import io.jichao.security.Role;

/**
 * Seeds the demo park on an empty database: four buildings behind DH608/DH604 collectors,
 * 245 three-phase household metering points (two DHDSY multi-user boxes among them; meter-side
 * prepaid, except the fifth floors of A and B, host-side prepaid, and their top floors on
 * DL/T 645-1997 buses, post-paid), a post-paid main meter per building, Modbus water
 * meters on their own port, households, and one operator per role. Deterministic, so the
 * simulator can serve exactly these meters.
 */
@Component
@Order(1)
class DemoSiteSeeder implements ApplicationRunner {

    static final int PREPAID_POINTS = 245;
    static final int MULTI_USER_CHANNELS = 12;
    static final int WATER_METERS_PER_BUILDING = 2;
    private static final int METERS_PER_BUS = 24;
    /** The demo's operators, one per role, all with {@code jichao.demo.operator-password}. */
    static final List<String> DEMO_OPERATORS = List.of("clerk", "clerk2", "boxclerk", "finance", "maint", "super");
    private static final Logger log = LoggerFactory.getLogger(DemoSiteSeeder.class);

    private record BuildingPlan(String code, String name, int floors, int office, boolean residential,
                                boolean multiUserBox, CollectorModel model, ConnectionMode mode) {
    }

    private static final List<BuildingPlan> BUILDINGS = List.of(
            new BuildingPlan("A", "A座 写字楼", 6, 0, false, false, CollectorModel.DH608, ConnectionMode.SERVER),
            new BuildingPlan("B", "B座 写字楼", 6, 0, false, false, CollectorModel.DH608, ConnectionMode.SERVER),
            new BuildingPlan("C", "C座 商业楼", 5, 1, false, true, CollectorModel.DH604, ConnectionMode.SERVER),
            new BuildingPlan("D", "D座 公寓", 5, 1, true, true, CollectorModel.DH604, ConnectionMode.CLIENT));

    private static final String[] COMPANIES = {"华信科技", "东方贸易", "锦程物流", "新元设计", "恒泰咨询", "蓝海网络",
        "金桥会计", "瑞丰餐饮", "星辰教育", "博远律师", "天和医药", "嘉禾文化", "云帆软件", "宏达建材", "安泰保险"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
        "娟", "涛", "明", "超", "秀英", "霞", "平"};

    private final ArchiveProvisioning archive;
    private final OperatorService operators;
    private final DemoProperties properties;

    DemoSiteSeeder(ArchiveProvisioning archive, OperatorService operators, DemoProperties properties) {
        this.archive = archive;
        this.operators = operators;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (properties.forcePasswordChange()) {
            // Also a park seeded by an earlier start in the demo profile, now run without it.
            DEMO_OPERATORS.forEach(username -> operators.requirePasswordChangeAtStartup(username,
                    properties.operatorPassword()));
        }
        if (!properties.enabled() || !archive.isEmpty()) {
            return;
        }
        Site site = archive.site("米格天地", "MIGE");
        List<PropertyOffice> offices = List.of(archive.office("米格天地物业一处"), archive.office("米格天地物业二处"));
        int[] ordinaryPerFloor = ordinaryMetersPerFloor();
        int tcpPort = properties.firstTcpPort();
        int floorIndex = 0;
        int householdIndex = 0;
        Map<String, Building> byCode = new java.util.LinkedHashMap<>();
        Map<String, List<DistributionBox>> boxesByBuilding = new java.util.HashMap<>();
        for (int b = 0; b < BUILDINGS.size(); b++) {
            BuildingPlan plan = BUILDINGS.get(b);
            Building building = archive.building(site, offices.get(plan.office()), plan.code(), plan.name());
            byCode.put(plan.code(), building);
            Collector collector = new Collector(building, plan.code() + "座采集器", plan.model(), plan.mode());
            // The demo's devices exist only in the built-in simulator, which plays only collectors marked so.
            collector.setSimulated(true);
            if (plan.mode() == ConnectionMode.SERVER) {
                collector.setHost(properties.collectorHost());
            } else {
                collector.setRegistrationId("DH600-" + plan.code());
            }
            archive.collector(collector);
            BusAllocator buses = new BusAllocator(archive, collector, plan.mode() == ConnectionMode.SERVER ? tcpPort : null);
            List<DistributionBox> boxes = new ArrayList<>();
            Meter main = null;
            for (int level = 1; level <= plan.floors(); level++, floorIndex++) {
                Floor floor = archive.floor(building, level, level + "层");
                DistributionBox boxOne = archive.box(floor, plan.code() + level + "-1", level + "层配电箱1");
                DistributionBox boxTwo = archive.box(floor, plan.code() + level + "-2", level + "层配电箱2");
                boxes.add(boxOne);
                boxes.add(boxTwo);
                // The top floors of A and B still have older DL/T 645-1997 meters on their own bus:
                // they can neither hold credit nor switch a relay, so they are settled monthly. The
                // floor below has plain 2007 meters sold host-side (the balance in yuan on the server).
                boolean older = level == plan.floors() && !plan.multiUserBox();
                MeterProtocol protocol = older ? MeterProtocol.DLT645_1997 : MeterProtocol.DLT645_2007;
                BillingMode mode = older ? BillingMode.POSTPAID
                        : level == plan.floors() - 1 && !plan.multiUserBox() ? BillingMode.HOST_PREPAID
                        : BillingMode.PREPAID;
                if (level == 1) {
                    main = meter(String.format("3701%02d000000", b + 1), null, MeterProtocol.DLT645_2007, building,
                            floor, boxOne, buses.next(MeterProtocol.DLT645_2007), BillingMode.POSTPAID, null, null);
                    main.setCtRatio(40);
                    archive.meter(main);
                }
                for (int seq = 1; seq <= ordinaryPerFloor[floorIndex]; seq++) {
                    DistributionBox box = seq % 2 == 1 ? boxOne : boxTwo;
                    String room = plan.code() + level + String.format("%02d", seq);
                    Household household = archive.household(building, room, householdName(plan, householdIndex),
                            phones(householdIndex));
                    householdIndex++;
                    archive.meter(meter(String.format("3701%02d%02d%04d", b + 1, level, seq), null, protocol,
                            building, floor, box, buses.next(protocol), mode, household, main));
                }
                if (level == 1 && plan.multiUserBox()) {
                    // A DHDSY multi-user terminal: one address, a household per channel.
                    SerialPort port = buses.next(MeterProtocol.DLT645_2007);
                    for (int channel = 1; channel <= MULTI_USER_CHANNELS; channel++) {
                        String room = plan.code() + "1" + String.format("%02d", 50 + channel);
                        Household household = archive.household(building, room, householdName(plan, householdIndex),
                                phones(householdIndex));
                        householdIndex++;
                        archive.meter(meter(String.format("3701%02d019900", b + 1), channel,
                                MeterProtocol.DLT645_2007, building, floor, boxTwo, port, BillingMode.PREPAID,
                                household, main));
                    }
                }
            }
            for (int w = 1; w <= WATER_METERS_PER_BUILDING; w++) {
                Floor groundFloor = boxes.getFirst().getFloor();
                Meter water = meter(String.format("%012d", w), null, MeterProtocol.MODBUS_RTU, building,
                        groundFloor, boxes.getFirst(), buses.next(MeterProtocol.MODBUS_RTU), BillingMode.POSTPAID,
                        null, null);
                water.setPhase(Phase.SINGLE);
                water.setMaxPowerKw(null);
                water.setAlarmLevel1Kwh(null);
                water.setAlarmLevel2Kwh(null);
                archive.meter(water);
            }
            tcpPort += collector.getPorts().size();
            boxesByBuilding.put(plan.code(), boxes);
        }
        seedOperators(byCode, boxesByBuilding, offices);
        log.info("Seeded the demo park: {} buildings, {} prepaid metering points", BUILDINGS.size(), PREPAID_POINTS);
    }

    /** Spreads the ordinary (single-address) prepaid meters over all floors, 245 points in all. */
    static int[] ordinaryMetersPerFloor() {
        int floors = BUILDINGS.stream().mapToInt(BuildingPlan::floors).sum();
        int multiUser = (int) BUILDINGS.stream().filter(BuildingPlan::multiUserBox).count() * MULTI_USER_CHANNELS;
        int ordinary = PREPAID_POINTS - multiUser;
        int[] perFloor = new int[floors];
        for (int i = 0; i < floors; i++) {
            perFloor[i] = ordinary / floors + (i < ordinary % floors ? 1 : 0);
        }
        return perFloor;
    }

    private static Meter meter(String address, Integer channel, MeterProtocol protocol, Building building,
                               Floor floor, DistributionBox box, SerialPort port, BillingMode mode,
                               Household household, Meter parent) {
        Meter meter = new Meter(address, protocol, Phase.THREE, building, mode);
        meter.setDeviceChannel(channel);
        meter.setFloor(floor);
        meter.setBox(box);
        meter.setSerialPort(port);
        meter.setHousehold(household);
        meter.setParentMeter(parent);
        meter.setMaxPowerKw(new BigDecimal("30.0000"));
        meter.setAlarmLevel1Kwh(new BigDecimal("50.00"));
        meter.setAlarmLevel2Kwh(new BigDecimal("20.00"));
        return meter;
    }

    private static String householdName(BuildingPlan plan, int index) {
        if (plan.residential()) {
            return SURNAMES[index % SURNAMES.length] + GIVEN[(index * 7) % GIVEN.length];
        }
        return COMPANIES[index % COMPANIES.length] + (index / COMPANIES.length + 1) + "部";
    }

    private static List<String> phones(int index) {
        String first = String.format("139%08d", 10_000_000 + index * 37);
        return index % 3 == 0 ? List.of(first, String.format("021-%08d", 62_000_000 + index)) : List.of(first);
    }

    private void seedOperators(Map<String, Building> buildings, Map<String, List<DistributionBox>> boxes,
                               List<PropertyOffice> offices) {
        String password = properties.operatorPassword();
        boolean change = properties.forcePasswordChange();
        operators.provisionAtStartup(new OperatorDraft("clerk", "收费员 王丽", Set.of(Role.RECHARGE_CLERK), false,
                Set.of(buildings.get("A").getId(), buildings.get("B").getId()), Set.of(), offices.get(0).getId()),
                password, change);
        operators.provisionAtStartup(new OperatorDraft("clerk2", "收费员 陈静", Set.of(Role.RECHARGE_CLERK), false,
                Set.of(buildings.get("C").getId(), buildings.get("D").getId()), Set.of(), offices.get(1).getId()),
                password, change);
        operators.provisionAtStartup(new OperatorDraft("boxclerk", "收费员 赵敏", Set.of(Role.RECHARGE_CLERK), false,
                Set.of(), Set.of(boxes.get("A").get(0).getId(), boxes.get("A").get(1).getId()), offices.get(0).getId()),
                password, change);
        operators.provisionAtStartup(new OperatorDraft("finance", "财务 刘芳", Set.of(Role.FINANCE), true,
                Set.of(), Set.of(), null), password, change);
        operators.provisionAtStartup(new OperatorDraft("maint", "运维 张强", Set.of(Role.MAINTAINER), false,
                Set.of(buildings.get("C").getId(), buildings.get("D").getId()), Set.of(), null), password, change);
        operators.provisionAtStartup(new OperatorDraft("super", "管理员 李军", Set.of(Role.SUPER_ADMIN), true,
                Set.of(), Set.of(), null), password, change);
    }

    /** Hands out serial ports: a new bus per protocol, and another when one is full. */
    private static final class BusAllocator {
        private final ArchiveProvisioning archive;
        private final Collector collector;
        private final Integer firstTcpPort;
        private final Map<MeterProtocol, SerialPort> current = new java.util.EnumMap<>(MeterProtocol.class);
        private final Map<SerialPort, Integer> load = new java.util.HashMap<>();

        BusAllocator(ArchiveProvisioning archive, Collector collector, Integer firstTcpPort) {
            this.archive = archive;
            this.collector = collector;
            this.firstTcpPort = firstTcpPort;
        }

        SerialPort next(MeterProtocol protocol) {
            SerialPort port = current.get(protocol);
            if (port == null || load.get(port) >= METERS_PER_BUS) {
                int number = collector.getPorts().size() + 1;
                if (number > collector.getModel().portCount()) {
                    throw new IllegalStateException("Demo plan needs more ports than " + collector.getModel());
                }
                port = archive.port(collector, number, protocol.usualBaudRate(), protocol.isDlt645() ? Parity.EVEN : Parity.NONE,
                        protocol, firstTcpPort == null ? null : firstTcpPort + number - 1);
                current.put(protocol, port);
                load.put(port, 0);
            }
            load.merge(port, 1, Integer::sum);
            return port;
        }
    }
}
