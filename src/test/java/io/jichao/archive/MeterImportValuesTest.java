package io.jichao.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.jichao.shared.DomainException;

class MeterImportValuesTest {

    @Test
    void protocols_are_read_from_names_and_the_usual_labels() {
        assertThat(MeterImportValues.protocol("DLT645_1997")).isEqualTo(MeterProtocol.DLT645_1997);
        assertThat(MeterImportValues.protocol("dl/t 645-1997")).isEqualTo(MeterProtocol.DLT645_1997);
        assertThat(MeterImportValues.protocol("DL/T645-2007")).isEqualTo(MeterProtocol.DLT645_2007);
        assertThat(MeterImportValues.protocol("07规约")).isEqualTo(MeterProtocol.DLT645_2007);
        assertThat(MeterImportValues.protocol("Modbus RTU")).isEqualTo(MeterProtocol.MODBUS_RTU);
    }

    @Test
    void phases_and_billing_modes_accept_chinese_labels() {
        assertThat(MeterImportValues.phase("单相")).isEqualTo(Phase.SINGLE);
        assertThat(MeterImportValues.phase("three")).isEqualTo(Phase.THREE);
        assertThat(MeterImportValues.billingMode("预付费")).isEqualTo(BillingMode.PREPAID);
        assertThat(MeterImportValues.billingMode("后付费")).isEqualTo(BillingMode.POSTPAID);
    }

    @Test
    void blank_cells_mean_not_given() {
        assertThat(MeterImportValues.protocol("  ")).isNull();
        assertThat(MeterImportValues.integer("")).isNull();
        assertThat(MeterImportValues.phones("")).isEmpty();
    }

    @Test
    void unreadable_values_quote_the_cell() {
        assertThatThrownBy(() -> MeterImportValues.billingMode("赊账"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("error.import.value.choice");
                    assertThat(e.arguments()).containsExactly("赊账");
                });
        assertThatThrownBy(() -> MeterImportValues.integer("2.5"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.import.value.integer"));
        assertThatThrownBy(() -> MeterImportValues.decimal("abc"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.import.value.number"));
    }

    @Test
    void whole_numbers_written_with_decimals_are_accepted() {
        assertThat(MeterImportValues.integer("40.0")).isEqualTo(40);
    }

    @Test
    void phones_split_on_either_width_of_comma_and_semicolon() {
        assertThat(MeterImportValues.phones("13900000001，13900000002;021-62000001；13900000003"))
                .containsExactly("13900000001", "13900000002", "021-62000001", "13900000003");
    }
}
