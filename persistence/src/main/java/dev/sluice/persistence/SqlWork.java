package dev.sluice.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on one JDBC connection, inside a transaction the caller manages. */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
