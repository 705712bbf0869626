package io.jichao.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * An Apache ECharts chart (Vaadin Charts is commercial). The server hands the complete ECharts
 * option as JSON; the browser element ({@code frontend/components/jichao-echart.js}) only renders
 * it, so charts are built and tested in Java.
 */
@Tag("jichao-echart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/jichao-echart.js")
public class EChart extends Component implements HasSize {

    public EChart() {
        setWidthFull();
        setHeight("320px");
    }

    /** Replaces the chart's option (an ECharts option object as JSON). */
    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
    }

    public String getOption() {
        return getElement().getProperty("option", "");
    }
}
