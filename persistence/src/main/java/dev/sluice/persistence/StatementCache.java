package dev.sluice.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The writer's connection with its prepared statements kept between uses: works prepare and close
 * a statement per query as usual, and get the same statement back next time. Preparing costs more
 * than running most of the writer's statements (SQLite parses the SQL each time), and the writer
 * runs the same few statements thousands of times a second.
 *
 * <p>Design notes. Only {@code prepareStatement(String)} is cached; a cached statement's {@code
 * close()} clears its parameters instead of closing it. The cache belongs to one connection and one
 * thread (the writer); {@link #close()} closes every statement and then the connection, which the
 * writer does after any failure, so a broken connection never serves again.
 */
final class StatementCache implements AutoCloseable {

    private final Connection connection;
    private final Connection proxy;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    StatementCache(Connection connection) {
        this.connection = connection;
        this.proxy = (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, this::onConnection);
    }

    /** The connection to hand to works. */
    Connection connection() {
        return proxy;
    }

    @Override
    public void close() throws SQLException {
        try {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        } finally {
            statements.clear();
            connection.close();
        }
    }

    private @Nullable Object onConnection(Object self, Method method, Object @Nullable [] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args.length == 1) {
            String sql = (String) args[0];
            PreparedStatement cached = statements.get(sql);
            if (cached == null) {
                cached = reusable(connection.prepareStatement(sql));
                statements.put(sql, cached);
            }
            return cached;
        }
        if (method.getName().equals("close")) {
            throw new IllegalStateException("close: the writer's connection (expected: closed by its cache)");
        }
        return invoke(connection, method, args);
    }

    private static PreparedStatement reusable(PreparedStatement statement) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getName().equals("close") && (args == null || args.length == 0)) {
                statement.clearParameters();
                return null;
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(
                PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static @Nullable Object invoke(Object target, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
