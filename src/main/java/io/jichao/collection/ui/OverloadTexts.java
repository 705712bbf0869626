package io.jichao.collection.ui;

import java.math.BigDecimal;

import com.vaadin.flow.component.Component;

import io.jichao.collection.control.OverloadSetting;

/** How overload settings read on the meter page and the overload page. */
final class OverloadTexts {

    private OverloadTexts() {
    }

    static String state(Component in, OverloadSetting setting) {
        return in.getTranslation("control.overload.status", stateName(in, setting),
                kw(setting.desiredMaxPowerKw()), kw(setting.desiredSuddenPowerKw()),
                kw(setting.verifiedMaxPowerKw()), kw(setting.verifiedSuddenPowerKw()), setting.attempts());
    }

    static String stateName(Component in, OverloadSetting setting) {
        return setting.state() == null ? "-" : in.getTranslation("control.overload.state." + setting.state().name());
    }

    static String kw(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    static String pair(BigDecimal max, BigDecimal sudden) {
        return max == null ? "-" : kw(max) + " / " + kw(sudden);
    }
}
