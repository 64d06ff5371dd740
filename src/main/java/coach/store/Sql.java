package coach.store;

import java.sql.SQLException;

/** Small helpers over JDBC errors that H2 and PostgreSQL report alike. */
public final class Sql {
    private Sql() {}

    /** SQLSTATE 23505: a unique constraint refused the row (both H2 and PostgreSQL use it). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
