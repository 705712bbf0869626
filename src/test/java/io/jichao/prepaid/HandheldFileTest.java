package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jichao.shared.DomainException;

class HandheldFileTest {

    private static final byte[] SECRET = "site-one-secret".getBytes(StandardCharsets.UTF_8);
    private static final String SITE = "site-one";
    private static final String TASK = "3f2c1d7e-0000-4000-8000-000000000001";

    private static HandheldFile task() {
        return new HandheldFile(HandheldFile.Kind.TASK, SITE, TASK, Instant.parse("2026-12-01T08:00:00Z"), "clerk",
                List.of(List.of("11", "370103019911", "", "DLT645_2007", "100.00", "a-key", "7"),
                        List.of("12", "370103019912", "2", "DLT645_2007", "50.50", "b-key", ""),
                        List.of("13", "370103019913", "", "DLT645_1997", "20.00", "c-key", "")));
    }

    private static String text() {
        return new String(task().write(SECRET), StandardCharsets.UTF_8);
    }

    private static HandheldFile read(String text) {
        return HandheldFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                HandheldFile.Kind.TASK, SITE, SECRET);
    }

    private static void refused(String text, String key) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo(key);
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n")));
    }

    @Test
    void a_written_task_file_reads_back_the_same() {
        HandheldFile back = read(text());
        assertThat(back).isEqualTo(task());
        assertThat(text()).startsWith("JICHAO-HANDHELD-TASK\t1\tsite-one\t" + TASK + "\t2026-12-01T08:00:00Z\tclerk\t3\t");
        assertThat(lines(text())).hasSize(5).last().asString().startsWith("END\t3\t");
    }

    @Test
    void crlf_line_ends_and_a_byte_order_mark_are_accepted() {
        assertThat(read("\uFEFF" + text().replace("\n", "\r\n"))).isEqualTo(task());
    }

    @Test
    void a_changed_kwh_is_refused_naming_the_line() {
        String tampered = text().replace("\t50.50\t", "\t500.50\t");
        assertThatThrownBy(() -> read(tampered)).isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).messageKey()).isEqualTo("error.handheld.row.signature");
                    assertThat(((DomainException) e).arguments()).containsExactly(3, "2");
                });
    }

    @Test
    void a_removed_row_is_refused() {
        List<String> lines = lines(text());
        lines.remove(2);
        refused(String.join("\n", lines) + "\n", "error.handheld.row.number");
    }

    @Test
    void a_removed_last_row_is_refused_by_the_count() {
        List<String> lines = lines(text());
        lines.remove(3);
        refused(String.join("\n", lines) + "\n", "error.handheld.row.count");
    }

    @Test
    void a_file_without_its_end_line_is_refused_as_incomplete() {
        List<String> lines = lines(text());
        lines.removeLast();
        refused(String.join("\n", lines) + "\n", "error.handheld.partial");
    }

    @Test
    void a_file_cut_in_the_middle_of_a_line_is_refused_as_incomplete() {
        String text = text();
        refused(text.substring(0, text.indexOf("\t50.50\t")), "error.handheld.partial");
    }

    @Test
    void a_file_signed_with_another_site_secret_is_refused() {
        String foreign = new String(task().write("other-secret".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        refused(foreign, "error.handheld.header.signature");
    }

    @Test
    void a_file_of_another_site_is_refused_as_foreign() {
        HandheldFile other = new HandheldFile(HandheldFile.Kind.TASK, "site-two", TASK, Instant.EPOCH, "x", List.of());
        refused(new String(other.write(SECRET), StandardCharsets.UTF_8), "error.handheld.foreign");
    }

    @Test
    void another_format_version_is_refused() {
        refused(text().replaceFirst("^JICHAO-HANDHELD-TASK\t1\t", "JICHAO-HANDHELD-TASK\t2\t"), "error.handheld.version");
    }

    @Test
    void swapped_rows_are_refused() {
        List<String> lines = lines(text());
        String second = lines.get(2);
        lines.set(2, lines.get(1));
        lines.set(1, second);
        refused(String.join("\n", lines) + "\n", "error.handheld.row.number");
    }

    @Test
    void a_row_copied_from_another_task_is_refused() {
        HandheldFile other = new HandheldFile(HandheldFile.Kind.TASK, SITE, "another-task", Instant.EPOCH, "clerk",
                task().rows());
        List<String> lines = lines(text());
        lines.set(1, lines(new String(other.write(SECRET), StandardCharsets.UTF_8)).get(1));
        refused(String.join("\n", lines) + "\n", "error.handheld.row.signature");
    }

    @Test
    void a_changed_end_signature_or_extra_lines_are_refused() {
        String text = text();
        String flipped = text.substring(0, text.length() - 2) + (text.charAt(text.length() - 2) == '0' ? '1' : '0') + "\n";
        refused(flipped, "error.handheld.file.signature");
        refused(text + "TASK\t4\n", "error.handheld.after.end");
    }

    @Test
    void a_result_file_is_not_read_as_a_task_file_and_text_fields_lose_their_tabs() {
        HandheldFile result = new HandheldFile(HandheldFile.Kind.RESULT, SITE, TASK, Instant.EPOCH, "hand\theld",
                List.of(List.of("11", "370103019911", "FAILED", "", "", "", "", "", "no\tanswer\nat all")));
        String text = new String(result.write(SECRET), StandardCharsets.UTF_8);
        refused(text, "error.handheld.not.handheld");
        HandheldFile back = HandheldFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                HandheldFile.Kind.RESULT, SITE, SECRET);
        assertThat(back.operator()).isEqualTo("hand held");
        assertThat(back.rows().getFirst().get(8)).isEqualTo("no answer at all");
    }
}
