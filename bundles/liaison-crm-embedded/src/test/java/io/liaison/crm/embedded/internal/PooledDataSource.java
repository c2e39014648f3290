package io.liaison.crm.embedded.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool for tests, as pax-jdbc gives the CRM in Karaf: closing a connection hands it back
 * (rolled back and in auto-commit) instead of ending a PostgreSQL backend process per call.
 */
final class PooledDataSource implements DataSource {
    private final DataSource physical;
    private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();

    PooledDataSource(DataSource physical) {
        this.physical = physical;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = idle.pollFirst();
        if (c == null || c.isClosed()) {
            c = physical.getConnection();
        }
        Connection real = c;
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("isClosed") && method.getParameterCount() == 0) {
                        return closed.get();
                    }
                    if (closed.get()) {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        throw new SQLException("connection already handed back to the pool");
                    }
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        closed.set(true);
                        if (!real.getAutoCommit()) {
                            real.rollback();
                            real.setAutoCommit(true);
                        }
                        idle.offerFirst(real);
                        return null;
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("a test pool has one user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
