package io.jichao.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SmsTemplatesTest {

    private final SmsTemplates templates = new SmsTemplates();
    private final Map<String, String> values = Map.of("amount", "50.00", "kwh", "62.50", "remaining", "80.25");

    @Test
    void chinese_is_the_default_text_with_the_placeholders_filled() {
        assertThat(templates.render("sms.recharge.confirmed", "zh-CN", values))
                .isEqualTo("【集抄】充值成功：50.00元，62.50度。电表剩余电量：80.25度。");
    }

    @Test
    void english_text_for_an_english_contact() {
        assertThat(templates.render("sms.recharge.confirmed", "en", values))
                .isEqualTo("[Jichao] Recharge confirmed: 50.00 yuan, 62.50 kWh. Remaining energy on your meter: 80.25 kWh.");
    }

    @Test
    void languages_are_normalised_and_unknown_ones_take_the_default() {
        assertThat(SmsTemplates.language("en-US", "zh-CN")).isEqualTo("en");
        assertThat(SmsTemplates.language("zh", "en")).isEqualTo("zh-CN");
        assertThat(SmsTemplates.language("fr", "zh-CN")).isEqualTo("zh-CN");
        assertThat(SmsTemplates.language(null, "zh-CN")).isEqualTo("zh-CN");
    }

    @Test
    void a_missing_value_or_an_unknown_template_is_refused() {
        assertThatThrownBy(() -> templates.render("sms.recharge.confirmed", "en", Map.of("amount", "1.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{kwh}");
        assertThatThrownBy(() -> templates.render("sms.no.such", "en", values))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.render("nav.home", "en", values))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
