package io.jichao.archive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jichao.archive.BillingMode;
import io.jichao.archive.CollectorModel;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructure.BoxView;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.FloorView;
import io.jichao.shared.DomainException;

/** The meter form on its own: no Spring, places from a fixed list. */
class MeterFormTest {

    private static final BuildingView BUILDING = new BuildingView(1, "A", "A座", null, null);
    private static final FloorView FLOOR_1 = new FloorView(11, 1, 1, "1层");
    private static final FloorView FLOOR_2 = new FloorView(12, 1, 2, "2层");
    private static final BoxView BOX_2 = new BoxView(22, 1, 12, "A2-1", "2层配电箱1");
    private static final PortView PORT = new PortView(41, 3, 1200, 8, Parity.EVEN, 1, MeterProtocol.DLT645_1997, null, 0);
    private static final CollectorView COLLECTOR = new CollectorView(31, 1, "A座", "A座采集器", CollectorModel.DH608,
            ConnectionMode.SERVER, "127.0.0.1", null, true, List.of(PORT), false);

    private static final MeterPlaceFields.Choices CHOICES = new MeterPlaceFields.Choices() {
        @Override
        public List<BuildingView> buildings() {
            return List.of(BUILDING);
        }

        @Override
        public List<FloorView> floors(long buildingId) {
            return List.of(FLOOR_1, FLOOR_2);
        }

        @Override
        public List<BoxView> boxes(long buildingId) {
            return List.of(BOX_2);
        }

        @Override
        public List<CollectorView> collectors() {
            return List.of(COLLECTOR);
        }
    };

    private final List<MeterDraft> saved = new ArrayList<>();
    private MeterForm form;

    @BeforeEach
    void openForm() {
        MockVaadin.setup(new Routes(), UI::new);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        form = new MeterForm(CHOICES);
        form.addSaveListener(event -> saved.add(event.draft()));
        form.createNew();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static BigDecimalField decimal(String id) {
        return _get(BigDecimalField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    private static void save() {
        _click(_get(Button.class, spec -> spec.withId(MeterForm.SAVE_ID)));
    }

    private void fillValidMeter() {
        _setValue(text(MeterForm.ADDRESS_ID), "370101990001");
        _setValue(combo(MeterForm.PHASE_ID), Phase.THREE);
        _setValue(combo(MeterForm.BUILDING_ID), BUILDING);
    }

    @Test
    void a_five_digit_address_is_marked_and_nothing_is_saved() {
        fillValidMeter();
        _setValue(text(MeterForm.ADDRESS_ID), "12345");

        save();

        assertThat(text(MeterForm.ADDRESS_ID).isInvalid()).isTrue();
        assertThat(text(MeterForm.ADDRESS_ID).getErrorMessage()).contains("12 digits");
        assertThat(saved).isEmpty();
        assertThat(form.isOpened()).isTrue();
    }

    @Test
    void after_fixing_the_marked_field_the_meter_can_be_saved() {
        fillValidMeter();
        _setValue(combo(MeterForm.PROTOCOL_ID), MeterProtocol.DLT645_2007);
        _setValue(text(MeterForm.ADDRESS_ID), "12345");
        save();

        _setValue(text(MeterForm.ADDRESS_ID), "370101990002");
        save();

        assertThat(text(MeterForm.ADDRESS_ID).isInvalid()).isFalse();
        assertThat(saved).singleElement().extracting(MeterDraft::address).isEqualTo("370101990002");
    }

    @Test
    void letters_in_the_address_are_refused() {
        fillValidMeter();
        _setValue(text(MeterForm.ADDRESS_ID), "3701019900ab");

        save();

        assertThat(text(MeterForm.ADDRESS_ID).isInvalid()).isTrue();
        assertThat(saved).isEmpty();
    }

    @Test
    void alarm_level_2_not_below_level_1_is_marked_on_level_2() {
        fillValidMeter();
        _setValue(decimal(MeterForm.ALARM1_ID), new BigDecimal("20"));
        _setValue(decimal(MeterForm.ALARM2_ID), new BigDecimal("20"));

        save();

        assertThat(decimal(MeterForm.ALARM2_ID).isInvalid()).isTrue();
        assertThat(decimal(MeterForm.ALARM1_ID).isInvalid()).isFalse();
        assertThat(saved).isEmpty();
    }

    @Test
    void a_bad_phone_number_is_marked_on_the_phones_field() {
        fillValidMeter();
        _setValue(text(MeterForm.ROOM_ID), "A201");
        _setValue(text(MeterForm.HOUSEHOLD_ID), "王伟");
        _setValue(text(MeterForm.PHONES_ID), "13900000001, 12345");

        save();

        assertThat(text(MeterForm.PHONES_ID).isInvalid()).isTrue();
        assertThat(text(MeterForm.PHONES_ID).getErrorMessage()).contains("12345");
        assertThat(text(MeterForm.ADDRESS_ID).isInvalid()).isFalse();
        assertThat(saved).isEmpty();
    }

    @Test
    void every_broken_field_is_marked_at_once() {
        save();

        assertThat(text(MeterForm.ADDRESS_ID).isInvalid()).isTrue();
        assertThat(combo(MeterForm.PROTOCOL_ID).isInvalid()).isTrue();
        assertThat(combo(MeterForm.PHASE_ID).isInvalid()).isTrue();
        assertThat(combo(MeterForm.BUILDING_ID).isInvalid()).isTrue();
        assertThat(saved).isEmpty();
    }

    @Test
    void a_valid_meter_is_handed_on_with_its_places_and_phones() {
        fillValidMeter();
        _setValue(combo(MeterForm.BOX_ID), BOX_2);
        _setValue(combo(MeterForm.COLLECTOR_ID), COLLECTOR);
        _setValue(combo(MeterForm.PORT_ID), PORT);
        _setValue(text(MeterForm.ROOM_ID), "A201");
        _setValue(text(MeterForm.HOUSEHOLD_ID), "王伟");
        _setValue(text(MeterForm.PHONES_ID), "13900000001；021-62000001");
        // The port speaks DL/T 645-1997, whose meters cannot hold credit: post-paid.
        _setValue(combo(MeterForm.BILLING_MODE_ID), BillingMode.POSTPAID);

        save();

        assertThat(saved).singleElement().satisfies(draft -> {
            assertThat(draft.buildingId()).isEqualTo(BUILDING.id());
            assertThat(draft.floorId()).as("the box's floor is filled in").isEqualTo(FLOOR_2.id());
            assertThat(draft.boxId()).isEqualTo(BOX_2.id());
            assertThat(draft.serialPortId()).isEqualTo(PORT.id());
            assertThat(draft.protocol()).as("taken from the port").isEqualTo(MeterProtocol.DLT645_1997);
            assertThat(draft.phones()).containsExactly("13900000001", "021-62000001");
        });
    }

    @Test
    void a_dlt645_1997_meter_cannot_be_prepaid_and_the_billing_mode_says_why_naming_the_meter() {
        fillValidMeter();
        _setValue(combo(MeterForm.COLLECTOR_ID), COLLECTOR);
        _setValue(combo(MeterForm.PORT_ID), PORT);
        _setValue(combo(MeterForm.BILLING_MODE_ID), BillingMode.PREPAID);

        save();

        ComboBox<BillingMode> billing = combo(MeterForm.BILLING_MODE_ID);
        assertThat(billing.isInvalid()).isTrue();
        assertThat(billing.getErrorMessage()).contains("370101990001", "DL/T 645-1997", "cannot receive a recharge");
        assertThat(saved).isEmpty();
        assertThat(form.isOpened()).isTrue();
    }

    @Test
    void choosing_another_floor_clears_a_box_of_a_different_floor() {
        fillValidMeter();
        _setValue(combo(MeterForm.BOX_ID), BOX_2);

        _setValue(combo(MeterForm.FLOOR_ID), FLOOR_1);

        assertThat(combo(MeterForm.BOX_ID).getValue()).isNull();
    }

    @Test
    void a_refusal_from_the_service_is_shown_on_its_field_and_the_form_stays_open() {
        fillValidMeter();

        form.showError(new DomainException("error.meter.address.taken", "370101990001"));

        assertThat(text(MeterForm.ADDRESS_ID).isInvalid()).isTrue();
        assertThat(text(MeterForm.ADDRESS_ID).getErrorMessage()).contains("370101990001");
        assertThat(form.isOpened()).isTrue();
    }
}
