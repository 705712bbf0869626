package io.jichao.faultmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.jichao.shared.DomainException;

/** Floor plans are told apart and checked by their content; SVGs lose everything that could run. */
class FloorPlanFilesTest {

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String refusal(byte[] content) {
        try {
            FloorPlanFiles.check(content);
        } catch (DomainException e) {
            return e.messageKey();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void a_png_is_recognised_by_its_signature_and_keeps_its_size() {
        PlanImage image = FloorPlanFiles.check(png(320, 200));

        assertThat(image.format()).isEqualTo(PlanFormat.PNG);
        assertThat(image.width()).isEqualTo(320);
        assertThat(image.height()).isEqualTo(200);
    }

    @Test
    void a_truncated_png_is_refused_as_damaged() {
        byte[] whole = png(40, 30);

        assertThat(refusal(Arrays.copyOf(whole, whole.length - 5))).isEqualTo("faultmap.error.png.broken");
    }

    @Test
    void a_file_that_is_neither_png_nor_svg_is_refused_whatever_its_name() {
        assertThat(refusal(utf8("address;room\n370101010001;A101\n"))).isEqualTo("faultmap.error.plan.type");
        assertThat(refusal(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}))
                .as("a JPEG").isEqualTo("faultmap.error.plan.type");
    }

    @Test
    void an_empty_or_oversized_file_is_refused() {
        assertThat(refusal(new byte[0])).isEqualTo("faultmap.error.plan.empty");
        byte[] big = new byte[FloorPlanFiles.MAX_BYTES + 1];
        System.arraycopy(png(10, 10), 0, big, 0, 8);
        assertThat(refusal(big)).isEqualTo("faultmap.error.plan.too.big");
    }

    @Test
    void an_svg_loses_scripts_event_handlers_script_links_and_foreign_content() {
        String dangerous = """
                <?xml version="1.0"?>
                <?xml-stylesheet href="http://evil.example/x.css"?>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                     width="800" height="600" onload="alert(1)">
                  <script>alert(2)</script>
                  <rect x="1" y="2" width="30" height="40" fill="#ccc" onclick="alert(3)"/>
                  <a xlink:href="javascript:alert(4)"><text x="5" y="5">A101</text></a>
                  <a href="#room-a102"><text x="9" y="9">A102</text></a>
                  <foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
                  <set attributeName="href" to="javascript:alert(5)"/>
                  <image href="https://tracker.example/pixel.png" width="1" height="1"/>
                  <style>@import url(https://evil.example/y.css);</style>
                </svg>""";

        PlanImage image = FloorPlanFiles.check(utf8(dangerous.strip()));
        String cleaned = new String(image.content(), StandardCharsets.UTF_8);

        assertThat(image.format()).isEqualTo(PlanFormat.SVG);
        assertThat(image.width()).isEqualTo(800);
        assertThat(image.height()).isEqualTo(600);
        assertThat(cleaned).contains("<rect", "A101", "href=\"#room-a102\"", "fill=\"#ccc\"")
                .doesNotContainIgnoringCase("script")
                .doesNotContain("onload", "onclick", "alert", "foreignObject", "<set", "tracker.example", "@import",
                        "xml-stylesheet");
    }

    @Test
    void an_svg_with_a_doctype_is_refused_so_entities_cannot_expand_or_reach_files() {
        String entities = """
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>""";

        assertThat(refusal(utf8(entities.strip()))).isEqualTo("faultmap.error.svg.broken");
    }

    @Test
    void xml_that_is_not_svg_and_svg_without_a_size_are_refused() {
        assertThat(refusal(utf8("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")))
                .isEqualTo("faultmap.error.svg.root");
        assertThat(refusal(utf8("<svg width=\"10\" height=\"10\"/>"))).as("no SVG namespace")
                .isEqualTo("faultmap.error.svg.root");
        assertThat(refusal(utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>")))
                .isEqualTo("faultmap.error.svg.size");
    }

    @Test
    void an_svg_in_millimetres_takes_its_size_from_the_view_box() {
        PlanImage image = FloorPlanFiles.check(utf8(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"297mm\" height=\"210mm\" viewBox=\"0 0 1189 841.5\"/>"));

        assertThat(image.width()).isEqualTo(1189);
        assertThat(image.height()).isEqualTo(842);
    }

    @Test
    void a_plan_claiming_a_huge_size_is_refused() {
        assertThatThrownBy(() -> FloorPlanFiles.check(utf8(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"50000\" height=\"10\"/>")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("faultmap.error.plan.dimensions"));
    }
}
