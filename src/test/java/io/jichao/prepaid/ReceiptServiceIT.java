package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.shared.DomainException;
import io.jichao.shared.Money;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

@JichaoSpringTest
class ReceiptServiceIT {

    private static final String RUN = String.valueOf(Math.floorMod(UUID.randomUUID().hashCode(), 90_000) + 10_000);

    @Autowired
    private ReceiptService receipts;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private UserDetailsService users;

    private final String householdName = "王小明" + RUN;
    private final String room = "甲" + RUN;
    private final String address = "79" + RUN + "00001";
    private long meterId;

    @BeforeEach
    void chineseHouseholdAtHalfAYuan() {
        LoginSupport.loginAs(users, "super");
        long buildingA = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst().orElseThrow().id();
        meterId = meters.create(new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.SINGLE,
                BillingMode.PREPAID, buildingA, null, null, null, 1, 1, new BigDecimal("10"), null, null, room,
                householdName, List.of("13700000001")));
        new PrepaidFixtures(meters, structure, tariffs, users).flatGroup("0.5000", meterId);
        LoginSupport.loginAs(users, "clerk");
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    private RechargeOrderView order() {
        return recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of("50.00")),
                new Payment(PaymentMethod.ONLINE, "ZFB-" + RUN), UUID.randomUUID().toString()));
    }

    @Test
    void the_chinese_receipt_shows_household_room_amount_and_energy_in_an_embedded_font() throws IOException {
        RechargeOrderView order = order();

        byte[] pdf = receipts.receiptPdf(order.id(), Locale.SIMPLIFIED_CHINESE);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("电费充值收据", "户名", householdName, "房间", room, address,
                    "50.00 元", "100.00 kWh", "0.5000 元/kWh", "在线支付", "ZFB-" + RUN, "已创建",
                    "收费员 王丽", String.valueOf(order.id()));
            assertThat(embeddedFonts(document)).anyMatch(name -> name.contains("NotoSansSC"));
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Path screenshot = Path.of("target/screenshots/receipt.png");
            Files.createDirectories(screenshot.getParent());
            ImageIO.write(page, "png", screenshot.toFile());
            assertThat(screenshot).isNotEmptyFile();
            Files.write(screenshot.resolveSibling("receipt.pdf"), pdf);
            // Only the glyphs used are embedded: the 10 MB font must not travel with every receipt.
            assertThat(pdf.length).isLessThan(300_000);
        }
    }

    @Test
    void the_english_receipt_uses_the_english_labels() throws IOException {
        RechargeOrderView order = order();

        try (PDDocument document = Loader.loadPDF(receipts.receiptPdf(order.id(), Locale.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Electricity recharge receipt", "Household", householdName, "50.00 yuan");
        }
    }

    @Test
    void a_clerk_of_another_district_gets_no_receipt() {
        RechargeOrderView order = order();
        LoginSupport.loginAs(users, "clerk2");

        assertThatThrownBy(() -> receipts.receiptPdf(order.id(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void finance_without_the_recharge_permission_gets_no_receipt() {
        RechargeOrderView order = order();
        LoginSupport.loginAs(users, "finance");

        assertThatThrownBy(() -> receipts.receiptPdf(order.id(), Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.permission.denied");
    }

    private static List<String> embeddedFonts(PDDocument document) throws IOException {
        List<String> names = new ArrayList<>();
        PDResources resources = document.getPage(0).getResources();
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (font.isEmbedded()) {
                names.add(font.getName());
            }
        }
        return names;
    }
}
