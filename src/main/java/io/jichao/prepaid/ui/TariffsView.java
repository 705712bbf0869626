package io.jichao.prepaid.ui;

import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.archive.MeterService;
import io.jichao.prepaid.TariffGroupSummary;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffService;
import io.jichao.prepaid.TariffVersionView;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * Tariff administration (R3): groups with the version in force and the next one, the history of
 * the selected group, new groups, new versions and meter assignment. Thin over
 * {@link TariffService}, which requires the FINANCE permission for every change and audits it.
 */
@Route("prepaid/tariffs")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.FINANCE_NAME})
public class TariffsView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String GROUPS_ID = "tariffs-groups";
    public static final String HISTORY_ID = "tariffs-history";
    public static final String GROUP_NAME_ID = "tariffs-group-name";
    public static final String GROUP_CREATE_ID = "tariffs-group-create";

    private final transient TariffService tariffs;
    private final Grid<TariffGroupSummary> groups = new Grid<>();
    private final Grid<TariffVersionView> history = new Grid<>();
    private final TextField groupName = new TextField();
    private final H3 selectedTitle = new H3();
    private final TariffVersionForm versionForm = new TariffVersionForm();
    private final TariffMeterAssignForm meterForm;
    private final VerticalLayout selected;

    public TariffsView(TariffService tariffs, MeterService meters) {
        this.tariffs = tariffs;
        setSizeFull();

        groups.setId(GROUPS_ID);
        groups.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        groups.setAllRowsVisible(true);
        groups.addColumn(this::groupLabel).setHeader(getTranslation("tariffs.col.group")).setAutoWidth(true);
        groups.addColumn(g -> describe(g.inForce())).setHeader(getTranslation("tariffs.col.in.force")).setFlexGrow(1);
        groups.addColumn(g -> describe(g.next())).setHeader(getTranslation("tariffs.col.next")).setFlexGrow(1);
        groups.asSingleSelect().addValueChangeListener(e -> showSelected());

        groupName.setId(GROUP_NAME_ID);
        groupName.setLabel(getTranslation("tariffs.group.name"));
        Button create = new Button(getTranslation("tariffs.group.create"), e -> createGroup());
        create.setId(GROUP_CREATE_ID);
        HorizontalLayout newGroup = new HorizontalLayout(groupName, create);
        newGroup.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        history.setId(HISTORY_ID);
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        history.setAllRowsVisible(true);
        history.addColumn(v -> v.effectiveFrom().toString()).setHeader(getTranslation("tariffs.col.effective"))
                .setAutoWidth(true);
        history.addColumn(v -> getTranslation("tariffs.kind." + v.plan().kind().name()))
                .setHeader(getTranslation("tariffs.version.kind")).setAutoWidth(true);
        history.addColumn(v -> prices(v.plan())).setHeader(getTranslation("tariffs.col.prices")).setFlexGrow(1);
        history.addColumn(TariffVersionView::createdBy).setHeader(getTranslation("tariffs.col.created.by"))
                .setAutoWidth(true);

        versionForm.addSubmitListener(e -> addVersion(e.effectiveFrom(), e.plan()));
        meterForm = new TariffMeterAssignForm(meters);
        meterForm.addAssignListener(e -> assign(e.meter().id(), e.meter().displayAddress()));

        selected = new VerticalLayout(selectedTitle, history, new H3(getTranslation("tariffs.version.new")),
                versionForm, new H3(getTranslation("tariffs.meters.title")), meterForm);
        selected.setPadding(false);
        selected.setVisible(false);

        add(new H3(getTranslation("tariffs.groups")), groups, newGroup, selected);
        refresh();
    }

    private void createGroup() {
        try {
            long id = tariffs.createGroup(groupName.getValue());
            groupName.clear();
            groupName.setInvalid(false);
            refresh();
            select(id);
        } catch (DomainException refused) {
            groupName.setErrorMessage(Notifications.message(refused));
            groupName.setInvalid(true);
        }
    }

    private void addVersion(java.time.LocalDate effectiveFrom, TariffPlan plan) {
        TariffGroupSummary group = groups.asSingleSelect().getValue();
        if (group == null) {
            return;
        }
        try {
            tariffs.addVersion(group.id(), effectiveFrom, plan);
            versionForm.clear();
            Notifications.success("tariffs.version.added", effectiveFrom.toString());
            refresh();
            select(group.id());
        } catch (DomainException refused) {
            versionForm.showRefusal(refused);
        }
    }

    private void assign(long meterId, String address) {
        TariffGroupSummary group = groups.asSingleSelect().getValue();
        if (group == null) {
            return;
        }
        try {
            tariffs.assignMeter(group.id(), meterId);
            Notifications.success("tariffs.meters.assigned", address, group.name());
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private void refresh() {
        groups.setItems(tariffs.groups());
    }

    private void select(long groupId) {
        groups.getGenericDataView().getItems().filter(g -> g.id() == groupId).findFirst()
                .ifPresent(groups::select);
        showSelected();
    }

    private void showSelected() {
        TariffGroupSummary group = groups.asSingleSelect().getValue();
        selected.setVisible(group != null);
        if (group != null) {
            selectedTitle.setText(getTranslation("tariffs.history", groupLabel(group)));
            history.setItems(tariffs.history(group.id()));
        }
    }

    private String groupLabel(TariffGroupSummary group) {
        return group.siteDefault() ? getTranslation("tariffs.group.site", group.name()) : group.name();
    }

    private String describe(TariffVersionView version) {
        if (version == null) {
            return getTranslation("tariffs.none");
        }
        return getTranslation("tariffs.version.summary", version.effectiveFrom().toString(),
                getTranslation("tariffs.kind." + version.plan().kind().name()), prices(version.plan()));
    }

    /** The prices of a plan in one line, e.g. "峰 08:00–22:00 0.6170 …; 参考 0.5283". */
    String prices(TariffPlan plan) {
        return switch (plan) {
            case TariffPlan.Flat flat -> flat.price().toString();
            case TariffPlan.TimeOfUse tou -> tou.periods().stream()
                    .map(p -> getTranslation("tariffs.period." + p.kind().name()) + " " + p.start() + "–" + p.end()
                            + " " + p.price())
                    .collect(Collectors.joining("; "))
                    + "; " + getTranslation("tariffs.tou.reference.short", tou.rechargeReferencePrice().toString());
            case TariffPlan.Stepped stepped -> stepped.steps().stream()
                    .map(s -> (s.isLast() ? getTranslation("tariffs.steps.rest")
                            : getTranslation("tariffs.steps.below", s.upTo().toString())) + " " + s.price())
                    .collect(Collectors.joining("; "));
        };
    }

    @Override
    public String pageTitleKey() {
        return "tariffs.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
