package io.jichao.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The operator's district as an SQL condition on a meter aliased {@code m}, for features that query
 * with named parameters (prepaid, reports, statements).
 */
public final class DistrictSql {

    private DistrictSql() {
    }

    /** " AND (…)" limiting {@code m} to the district (nothing for the whole site); binds its ids into {@code params}. */
    public static String meterFilter(DistrictScope district, MapSqlParameterSource params) {
        if (district.wholeSite()) {
            return "";
        }
        if (district.isEmpty()) {
            return " AND 1 = 0";
        }
        List<String> parts = new ArrayList<>();
        if (!district.buildingIds().isEmpty()) {
            params.addValue("districtBuildings", district.buildingIds());
            parts.add("m.building_id IN (:districtBuildings)");
        }
        if (!district.boxIds().isEmpty()) {
            params.addValue("districtBoxes", district.boxIds());
            parts.add("m.box_id IN (:districtBoxes)");
        }
        return " AND (" + String.join(" OR ", parts) + ")";
    }
}
