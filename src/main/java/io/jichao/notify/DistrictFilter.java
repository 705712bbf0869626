package io.jichao.notify;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import io.jichao.security.DistrictScope;

/** The SQL predicate "building_id or box_id inside a (partial) district", with its arguments. */
final class DistrictFilter {

    private DistrictFilter() {
    }

    static String where(DistrictScope district, List<Object> args) {
        if (district.isEmpty()) {
            return "1 = 0";
        }
        StringBuilder sql = new StringBuilder("(");
        sql.append(in("building_id", district.buildingIds(), args));
        sql.append(" OR ");
        sql.append(in("box_id", district.boxIds(), args));
        return sql.append(')').toString();
    }

    private static String in(String column, Set<Long> ids, List<Object> args) {
        if (ids.isEmpty()) {
            return "1 = 0";
        }
        args.addAll(ids);
        return column + " IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
    }
}
