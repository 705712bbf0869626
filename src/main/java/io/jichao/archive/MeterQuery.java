package io.jichao.archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.jichao.security.DistrictScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Builds the meter grid's JPQL from a district and a filter. The district predicate is always
 * present, so no caller can forget it.
 *
 * <p>Built for 100,000+ meters: every predicate is on the meter's own columns (foreign keys
 * included) or a semi-join sub-query, so counting needs no join; a page first picks the IDs of
 * its rows joining only what the sort needs, then loads those rows with their names.
 */
final class MeterQuery {

    private static final String ROW_JOINS = """
             from Meter m join m.building b left join m.floor f left join m.box bx
             left join m.household h left join m.serialPort p left join p.collector c
            """;

    private final StringBuilder where = new StringBuilder(" where 1 = 1");
    private final boolean textFilter;
    private final Map<String, Object> parameters = new HashMap<>();

    MeterQuery(DistrictScope district, MeterFilter filter) {
        if (!district.wholeSite()) {
            if (district.buildingIds().isEmpty() && district.boxIds().isEmpty()) {
                where.append(" and 1 = 0");
            } else if (district.boxIds().isEmpty()) {
                where.append(" and m.building.id in :districtBuildings");
                parameters.put("districtBuildings", district.buildingIds());
            } else if (district.buildingIds().isEmpty()) {
                where.append(" and m.box.id in :districtBoxes");
                parameters.put("districtBoxes", district.boxIds());
            } else {
                where.append(" and (m.building.id in :districtBuildings or m.box.id in :districtBoxes)");
                parameters.put("districtBuildings", district.buildingIds());
                parameters.put("districtBoxes", district.boxIds());
            }
        }
        if (filter.buildingId() != null) {
            where.append(" and m.building.id = :buildingId");
            parameters.put("buildingId", filter.buildingId());
        }
        if (filter.floorId() != null) {
            where.append(" and m.floor.id = :floorId");
            parameters.put("floorId", filter.floorId());
        }
        if (filter.protocol() != null) {
            where.append(" and m.protocol = :protocol");
            parameters.put("protocol", filter.protocol());
        }
        if (filter.billingMode() != null) {
            where.append(" and m.billingMode = :billingMode");
            parameters.put("billingMode", filter.billingMode());
        }
        if (filter.state() != null) {
            where.append(" and m.state = :state");
            parameters.put("state", filter.state());
        }
        textFilter = filter.text() != null && !filter.text().isBlank();
        if (textFilter) {
            // Room, name and phones are copied onto the meter (householdSearch): one table scan, no joins.
            where.append(" and (m.address like :text or m.householdSearch like :text)");
            parameters.put("text", "%" + escapeLike(filter.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
    }

    List<MeterRow> page(EntityManager entityManager, List<MeterSort> sorts, int offset, int limit) {
        List<Long> ids = bind(entityManager.createQuery("select m.id" + sortJoins(sorts) + where + orderBy(sorts, textFilter),
                Long.class)).setFirstResult(offset).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<MeterRow> rows = new ArrayList<>(entityManager.createQuery("""
                select new io.jichao.archive.MeterRow(m.id, m.address, m.deviceChannel, m.protocol, m.phase,
                  m.billingMode, m.state, b.code, b.name, f.level, bx.code, h.room, h.name, c.name, p.portNumber)
                """ + ROW_JOINS + " where m.id in :ids", MeterRow.class)
                .setParameter("ids", ids)
                .getResultList());
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        rows.sort(Comparator.comparing(row -> position.get(row.id())));
        return rows;
    }

    long count(EntityManager entityManager) {
        return bind(entityManager.createQuery("select count(m) from Meter m" + where, Long.class)).getSingleResult();
    }

    long countDistinctHouseholds(EntityManager entityManager) {
        return bind(entityManager.createQuery("select count(distinct m.household.id) from Meter m" + where, Long.class))
                .getSingleResult();
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** Only the joins the requested sort needs; the filter itself never needs one. */
    private static String sortJoins(List<MeterSort> sorts) {
        Set<MeterSort.Column> columns = EnumSet.noneOf(MeterSort.Column.class);
        sorts.forEach(sort -> columns.add(sort.column()));
        StringBuilder from = new StringBuilder(" from Meter m");
        if (columns.contains(MeterSort.Column.BUILDING)) {
            from.append(" join m.building b");
        }
        if (columns.contains(MeterSort.Column.FLOOR)) {
            from.append(" left join m.floor f");
        }
        if (columns.contains(MeterSort.Column.ROOM) || columns.contains(MeterSort.Column.HOUSEHOLD)) {
            from.append(" left join m.household h");
        }
        return from.toString();
    }

    /**
     * With a free-text filter few rows match, and walking the address index in order while testing
     * each row costs a random read per meter; sorting by an expression makes MariaDB scan the table
     * once and sort the few matches instead (measured in docs/benchmarks.md).
     */
    private static String orderBy(List<MeterSort> sorts, boolean selectiveFilter) {
        StringBuilder order = new StringBuilder(" order by ");
        for (MeterSort sort : sorts) {
            String path = selectiveFilter && sort.column() == MeterSort.Column.ADDRESS
                    ? "concat(m.address, '')" : sort.column().path;
            order.append(path).append(sort.ascending() ? " asc, " : " desc, ");
        }
        return order.append("m.id asc").toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
