package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.audit.AuditEvent;
import io.jichao.audit.AuditTrail;
import io.jichao.collection.CollectionScheduleService.CollectorChoice;
import io.jichao.collection.CollectionScheduleService.ScheduleListing;
import io.jichao.shared.DomainException;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** Who may see and change which reading schedules, on MariaDB with the demo park and operators. */
@JichaoSpringTest
class CollectionScheduleServiceIT {

    private static final Set<ReadingItem> ENERGY = Set.of(ReadingItem.ACTIVE_ENERGY);

    @Autowired
    private CollectionScheduleService schedules;
    @Autowired
    private CollectionScheduleStore store;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void the_default_schedules_of_the_issue_are_seeded_for_all_collectors() {
        LoginSupport.loginAs(users, "super");

        assertThat(store.all()).filteredOn(s -> s.name().equals("日冻结")).singleElement().satisfies(freeze -> {
            assertThat(freeze.items()).containsExactly(ReadingItem.DAILY_FREEZE);
            assertThat(freeze.timing()).isEqualTo(new ScheduleTiming.DailyAt(LocalTime.of(0, 15)));
            assertThat(freeze.coversAllCollectors()).isTrue();
        });
        assertThat(store.all()).filteredOn(s -> s.name().equals("电能与剩余电量")).singleElement()
                .satisfies(energy -> {
                    assertThat(energy.items()).containsExactlyInAnyOrder(ReadingItem.ACTIVE_ENERGY,
                            ReadingItem.REVERSE_ENERGY, ReadingItem.REMAINING_ENERGY, ReadingItem.METER_TIME,
                            ReadingItem.RELAY_STATUS, ReadingItem.OVERLOAD_TRIP_COUNT);
                    assertThat(energy.timing()).isEqualTo(new ScheduleTiming.Every(15));
                });
        assertThat(store.all()).filteredOn(s -> s.name().equals("瞬时量")).singleElement()
                .satisfies(instant -> assertThat(instant.timing()).isEqualTo(new ScheduleTiming.Every(5)));
        assertThat(store.all()).filteredOn(s -> s.name().equals("水表")).singleElement()
                .satisfies(water -> assertThat(water.items()).containsExactly(ReadingItem.WATER_VOLUME));
    }

    @Test
    void a_recharge_clerk_may_not_see_or_change_schedules() {
        LoginSupport.loginAs(users, "clerk");

        assertThatThrownBy(() -> schedules.list()).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.permission.denied");
        assertThatThrownBy(() -> schedules.create(draft("clerk", Set.of(collector("C")))))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.permission.denied");
    }

    @Test
    void a_maintainer_may_not_create_a_schedule_for_all_collectors() {
        LoginSupport.loginAs(users, "maint");

        assertThatThrownBy(() -> schedules.create(draft("all", Set.of()))).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.schedule.all.collectors");
    }

    @Test
    void a_maintainer_may_not_put_a_collector_outside_the_district_in_a_schedule() {
        LoginSupport.loginAs(users, "maint");

        assertThatThrownBy(() -> schedules.create(draft("outside", Set.of(collector("C"), collector("A")))))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.district.outside");
        assertThat(schedules.collectorChoices()).extracting(CollectorChoice::name)
                .contains("C座采集器", "D座采集器").doesNotContain("A座采集器", "B座采集器");
    }

    @Test
    void a_maintainer_sees_only_the_schedules_of_collectors_in_the_district_and_cannot_touch_the_others() {
        LoginSupport.loginAs(users, "super");
        long sitewide = schedules.create(draft("sitewide", Set.of()));
        long buildingA = schedules.create(draft("building A", Set.of(collector("A"))));
        LoginSupport.loginAs(users, "maint");
        long own = schedules.create(draft("building C", Set.of(collector("C"))));

        assertThat(schedules.list()).extracting(l -> l.schedule().id()).contains(own)
                .doesNotContain(sitewide, buildingA);
        assertThat(schedules.list()).filteredOn(l -> l.schedule().id() == own).singleElement()
                .extracting(ScheduleListing::collectorNames).isEqualTo(java.util.List.of("C座采集器"));
        assertThatThrownBy(() -> schedules.delete(sitewide)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.schedule.all.collectors");
        assertThatThrownBy(() -> schedules.runNow(buildingA)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.district.outside");
        assertThatThrownBy(() -> schedules.update(own, draft("widened", Set.of())))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("error.schedule.all.collectors");
        assertThat(store.find(sitewide)).isPresent();
    }

    @Test
    void a_super_admin_sees_every_schedule() {
        LoginSupport.loginAs(users, "super");
        long buildingA = schedules.create(draft("building A", Set.of(collector("A"))));

        assertThat(schedules.list()).extracting(l -> l.schedule().name()).contains("日冻结", "电能与剩余电量");
        assertThat(schedules.list()).extracting(l -> l.schedule().id()).contains(buildingA);
    }

    @Test
    void a_draft_without_name_or_items_is_refused() {
        LoginSupport.loginAs(users, "maint");

        assertThatThrownBy(() -> schedules.create(new ScheduleDraft("  ", true, ENERGY, new ScheduleTiming.Every(5),
                Set.of(collector("C"))))).isInstanceOf(DomainException.class).hasMessageStartingWith("error.required");
        assertThatThrownBy(() -> schedules.create(new ScheduleDraft("no items", true, Set.of(),
                new ScheduleTiming.Every(5), Set.of(collector("C"))))).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.schedule.items");
    }

    @Test
    void every_change_is_audited_and_run_now_plans_the_next_run_for_now() {
        LoginSupport.loginAs(users, "maint");
        long id = schedules.create(draft("audited", Set.of(collector("D"))));
        Instant beforeRunNow = Instant.now().minusSeconds(1);

        schedules.update(id, new ScheduleDraft("audited daily", true, ENERGY,
                new ScheduleTiming.DailyAt(LocalTime.of(1, 30)), Set.of(collector("D"))));
        assertThat(store.find(id).orElseThrow().nextRunAt()).isAfter(Instant.now());
        schedules.runNow(id);
        assertThat(store.find(id).orElseThrow().nextRunAt()).isBetween(beforeRunNow, Instant.now());
        schedules.setEnabled(id, false);
        assertThat(store.find(id).orElseThrow().nextRunAt()).isNull();
        assertThatThrownBy(() -> schedules.runNow(id)).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("error.schedule.disabled");
        schedules.delete(id);

        String target = "schedule " + id + " ";
        for (String action : new String[] {"SCHEDULE_CREATE", "SCHEDULE_UPDATE", "SCHEDULE_RUN_NOW",
            "SCHEDULE_DISABLE", "SCHEDULE_DELETE"}) {
            assertThat(audit.byAction(action)).as(action).anySatisfy(event -> {
                assertThat(event.getTarget()).startsWith(target);
                assertThat(event.getOperatorUsername()).isEqualTo("maint");
            });
        }
        assertThat(audit.byAction("SCHEDULE_UPDATE")).filteredOn(e -> e.getTarget().startsWith(target))
                .extracting(AuditEvent::getDetails).singleElement().asString().contains("daily at 01:30");
        assertThat(store.find(id)).isEmpty();
    }

    private ScheduleDraft draft(String name, Set<Long> collectors) {
        return new ScheduleDraft("IT " + name + " " + System.nanoTime(), false, ENERGY, new ScheduleTiming.Every(15),
                collectors);
    }

    private long collector(String building) {
        return jdbc.queryForObject("SELECT id FROM collector WHERE name = ?", Long.class, building + "座采集器");
    }
}
