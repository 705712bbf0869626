package io.jichao.prepaid;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import io.jichao.security.DistrictScope;

/** The operator's district as an SQL condition on a meter aliased {@code m}, for the prepaid reports. */
final class DistrictSql {

    private DistrictSql() {
    }

    /** " AND (…)" limiting {@code m} to the district (nothing for the whole site); binds its ids into {@code params}. */
    static String meterFilter(DistrictScope district, MapSqlParameterSource params) {
        if (district.wholeSite()) {
            return "";
        }
        if (district.isEmpty()) {
            return " AND 1 = 0";
        }
        List<String> parts = new ArrayList<>();
        if (!district.buildingIds().isEmpty()) {
            params.addValue("buildings", district.buildingIds());
            parts.add("m.building_id IN (:buildings)");
        }
        if (!district.boxIds().isEmpty()) {
            params.addValue("boxes", district.boxIds());
            parts.add("m.box_id IN (:boxes)");
        }
        return " AND (" + String.join(" OR ", parts) + ")";
    }
}
