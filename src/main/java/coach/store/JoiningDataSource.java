package coach.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource for db-scheduler's client: inside {@link Database#inTransaction} it returns the transaction's own
 * connection (its close() does nothing, the transaction closes it), so scheduling a job commits or rolls back with the
 * rows it is about. db-scheduler does not commit a connection whose auto-commit is off (commitWhenAutocommitDisabled
 * is false by default), which is what lets the outer transaction decide. Outside a transaction it is the pool.
 */
final class JoiningDataSource implements DataSource {
    private final DataSource pool;
    private final ThreadLocal<Connection> transaction;

    JoiningDataSource(DataSource pool, ThreadLocal<Connection> transaction) {
        this.pool = pool;
        this.transaction = transaction;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection current = transaction.get();
        if (current == null) {
            return pool.getConnection();
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(current, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return pool.isWrapperFor(iface);
    }
}
