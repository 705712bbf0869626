package io.jichao.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.security.OperatorService;
import io.jichao.shared.DomainException;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

@JichaoSpringTest
class StatementBatchServiceIT {

    private static final YearMonth MONTH = YearMonth.of(2025, 3);

    @Autowired
    private StatementBatchService batches;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private OperatorService operators;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;

    private StatementFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new StatementFixtures(meters, structure, jdbc, users);
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void the_district_zip_holds_one_pdf_per_household_and_progress_reaches_the_total() throws IOException {
        long buildingB = fixtures.buildingId("B");
        String districtFinance = fixtures.districtFinance(operators, buildingB);
        int households = jdbc.queryForObject("""
                SELECT COUNT(DISTINCT household_id) FROM meter
                 WHERE building_id = ? AND household_id IS NOT NULL AND state <> 'REMOVED'""", Integer.class, buildingB);
        LoginSupport.loginAs(users, districtFinance);

        BatchProgress started = batches.start(MONTH, Locale.SIMPLIFIED_CHINESE);
        List<BatchProgress> seen = new CopyOnWriteArrayList<>();
        batches.subscribe(started.id(), seen::add);
        await().pollInSameThread().atMost(Duration.ofMinutes(2)).until(() -> batches.progress(started.id()).finished());

        BatchProgress finished = batches.progress(started.id());
        assertThat(finished.state()).isEqualTo(BatchProgress.State.DONE);
        assertThat(finished.total()).isEqualTo(households).isPositive();
        assertThat(finished.done()).isEqualTo(households);
        await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty() && seen.getLast().finished());
        assertThat(seen.getLast().done()).isEqualTo(households);
        assertThat(seen).extracting(BatchProgress::done).isSorted();

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        batches.download(started.id(), zip);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                byte[] head = in.readNBytes(5);
                assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            }
        }
        assertThat(names).hasSize(households).allMatch(name -> name.startsWith("statement-2025-03-"));
        Set<String> unique = new HashSet<>(names);
        assertThat(unique).hasSize(households);
    }

    @Test
    void the_merged_pdf_holds_every_household_of_the_district() throws IOException {
        long buildingB = fixtures.buildingId("B");
        String districtFinance = fixtures.districtFinance(operators, buildingB);
        List<String> rooms = jdbc.queryForList("""
                SELECT DISTINCT h.room FROM household h JOIN meter m ON m.household_id = h.id
                 WHERE m.building_id = ? AND m.state <> 'REMOVED'""", String.class, buildingB);
        LoginSupport.loginAs(users, districtFinance);

        BatchProgress started = batches.start(MONTH, Locale.SIMPLIFIED_CHINESE, BatchFormat.PDF);
        await().pollInSameThread().atMost(Duration.ofMinutes(2)).until(() -> batches.progress(started.id()).finished());

        assertThat(batches.progress(started.id()).state()).isEqualTo(BatchProgress.State.DONE);
        assertThat(batches.fileName(started.id())).isEqualTo("statements-2025-03.pdf");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        batches.download(started.id(), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(rooms.size());
            String text = new PDFTextStripper().getText(document);
            assertThat(text.split("月度电费对账单 2025-03", -1)).hasSize(rooms.size() + 1);
            assertThat(text).contains(rooms);
        }
    }

    @Test
    void cancel_stops_the_batch_before_the_end_and_leaves_nothing_to_download() {
        String wholeSite = "finance";
        LoginSupport.loginAs(users, wholeSite);

        BatchProgress started = batches.start(MONTH, Locale.ENGLISH);
        await().pollInSameThread().atMost(Duration.ofMinutes(1)).until(() -> batches.progress(started.id()).done() >= 1);
        batches.cancel(started.id());
        await().pollInSameThread().atMost(Duration.ofMinutes(1)).until(() -> batches.progress(started.id()).finished());

        BatchProgress cancelled = batches.progress(started.id());
        assertThat(cancelled.state()).isEqualTo(BatchProgress.State.CANCELLED);
        assertThat(cancelled.done()).isLessThan(cancelled.total());
        assertThatThrownBy(() -> batches.download(started.id(), new ByteArrayOutputStream()))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.statement.batch.not.ready");
    }

    @Test
    void another_operator_neither_sees_nor_downloads_the_batch() {
        String districtFinance = fixtures.districtFinance(operators, fixtures.buildingId("C"));
        LoginSupport.loginAs(users, districtFinance);
        BatchProgress started = batches.start(MONTH, Locale.SIMPLIFIED_CHINESE);

        LoginSupport.loginAs(users, "finance");

        assertThatThrownBy(() -> batches.progress(started.id()))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.statement.batch.not.found");
        assertThatThrownBy(() -> batches.download(started.id(), new ByteArrayOutputStream()))
                .isInstanceOf(DomainException.class);
        LoginSupport.loginAs(users, districtFinance);
        await().pollInSameThread().atMost(Duration.ofMinutes(2)).until(() -> batches.progress(started.id()).finished());
    }

    @Test
    void a_clerk_cannot_start_a_batch() {
        LoginSupport.loginAs(users, "clerk");

        assertThatThrownBy(() -> batches.start(MONTH, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.permission.denied");
    }
}
