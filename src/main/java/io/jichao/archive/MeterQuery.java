package io.jichao.archive;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.jichao.security.DistrictScope;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Builds the meter grid's JPQL from a district and a filter: one query for a page of rows,
 * one for the count. The district predicate is always present, so no caller can forget it.
 */
final class MeterQuery {

    private static final String FROM = """
             from Meter m join m.building b left join m.floor f left join m.box bx
             left join m.household h left join m.serialPort p left join p.collector c
            """;

    private final StringBuilder where = new StringBuilder(" where 1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    MeterQuery(DistrictScope district, MeterFilter filter) {
        if (!district.wholeSite()) {
            if (district.buildingIds().isEmpty() && district.boxIds().isEmpty()) {
                where.append(" and 1 = 0");
            } else if (district.boxIds().isEmpty()) {
                where.append(" and b.id in :districtBuildings");
                parameters.put("districtBuildings", district.buildingIds());
            } else if (district.buildingIds().isEmpty()) {
                where.append(" and bx.id in :districtBoxes");
                parameters.put("districtBoxes", district.boxIds());
            } else {
                where.append(" and (b.id in :districtBuildings or bx.id in :districtBoxes)");
                parameters.put("districtBuildings", district.buildingIds());
                parameters.put("districtBoxes", district.boxIds());
            }
        }
        if (filter.buildingId() != null) {
            where.append(" and b.id = :buildingId");
            parameters.put("buildingId", filter.buildingId());
        }
        if (filter.floorId() != null) {
            where.append(" and f.id = :floorId");
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
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (m.address like :text or h.room like :text or h.name like :text"
                    + " or exists (select 1 from Household hp join hp.phones phone where hp = h and phone like :text))");
            parameters.put("text", "%" + escapeLike(filter.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
    }

    TypedQuery<MeterRow> rows(EntityManager entityManager, List<MeterSort> sorts) {
        StringBuilder order = new StringBuilder(" order by ");
        for (MeterSort sort : sorts) {
            order.append(sort.column().path).append(sort.ascending() ? " asc, " : " desc, ");
        }
        order.append("m.id asc");
        TypedQuery<MeterRow> query = entityManager.createQuery("""
                select new io.jichao.archive.MeterRow(m.id, m.address, m.deviceChannel, m.protocol, m.phase,
                  m.billingMode, m.state, b.code, b.name, f.level, bx.code, h.room, h.name, c.name, p.portNumber)
                """ + FROM + where + order, MeterRow.class);
        parameters.forEach(query::setParameter);
        return query;
    }

    TypedQuery<Long> count(EntityManager entityManager) {
        TypedQuery<Long> query = entityManager.createQuery("select count(m)" + FROM + where, Long.class);
        parameters.forEach(query::setParameter);
        return query;
    }

    TypedQuery<Long> countDistinctHouseholds(EntityManager entityManager) {
        TypedQuery<Long> query = entityManager.createQuery("select count(distinct h.id)" + FROM + where, Long.class);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
