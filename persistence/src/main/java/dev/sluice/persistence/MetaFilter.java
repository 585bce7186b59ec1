package dev.sluice.persistence;

import dev.sluice.content.MetaQuery;
import dev.sluice.core.SiteId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a global-meta query and its parameters, bound in order. */
final class MetaFilter {

    private final String where;
    private final List<Object> parameters;

    private MetaFilter(String where, List<Object> parameters) {
        this.where = where;
        this.parameters = List.copyOf(parameters);
    }

    static MetaFilter of(SiteId site, MetaQuery query) {
        StringBuilder where = new StringBuilder(" WHERE e.tenant = ? AND e.site = ?");
        List<Object> parameters = new ArrayList<>(List.of(site.tenant(), site.name()));
        if (query.type() != null) {
            where.append(" AND e.type = ?");
            parameters.add(query.type().name());
        }
        if (query.published() != null) {
            where.append(" AND e.live = ?");
            parameters.add(query.published());
        }
        if (query.deleted() != null) {
            where.append(" AND e.deleted = ?");
            parameters.add(query.deleted());
        }
        return new MetaFilter(where.toString(), parameters);
    }

    String where() {
        return where;
    }

    /** Binds the parameters from position 1 and returns the next free position. */
    int bind(PreparedStatement ps) throws SQLException {
        int position = 1;
        for (Object parameter : parameters) {
            if (parameter instanceof Boolean flag) {
                ps.setBoolean(position++, flag);
            } else {
                ps.setString(position++, (String) parameter);
            }
        }
        return position;
    }
}
