package coach.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The app's database: a pooled DataSource, migrated by Flyway at start, used through Jdbi. {@link #inTransaction}
 * makes several writes (a user's answer and the job that grades it) one commit, db-scheduler's included: see
 * {@link #joiningDataSource()}.
 */
public final class Database implements AutoCloseable {
    /** H2's error code for a database file that another process has open. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final List<String> H2_COMPATIBILITY =
            List.of("MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE", "DEFAULT_NULL_ORDERING=HIGH");
    private static final int H2_WRITE_DELAY_MS = 100;
    private static final Pattern WRITE_DELAY = Pattern.compile(";WRITE_DELAY=[^;]*", Pattern.CASE_INSENSITIVE);
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();
    private final DataSource joining;
    /** Null unless the database is an H2 file: a PostgreSQL commit returns once it is on disk; an in-memory H2 has no file. */
    private final GroupCommit groupCommit;

    private Database(HikariDataSource dataSource, GroupCommit groupCommit) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.joining = new JoiningDataSource(dataSource, transaction);
        this.groupCommit = groupCommit;
    }

    public static Database open(String jdbcUrl) {
        String url = compatible(durable(jdbcUrl));
        if (url.startsWith("jdbc:h2:file:")) {
            createParentDir(url.substring("jdbc:h2:file:".length()));
            probeH2File(url);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(10);
        config.setPoolName("coach");
        // fail fast at start if the database is unreachable, but give PostgreSQL a moment to come up
        config.setInitializationFailTimeout(10_000);
        config.setConnectionTimeout(5_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new IllegalStateException("cannot connect to the database " + redacted(url) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            return new Database(ds, url.startsWith("jdbc:h2:file:") ? GroupCommit.checkpointing(connect(url)) : null);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static Connection connect(String url) {
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database: " + rootMessage(e), e);
        }
    }

    /**
     * An ack means stored. H2 keeps committed transactions in memory for up to WRITE_DELAY and a kill -9 in that time
     * loses them, so what must be on disk before anyone is told (an ack, a post to Slack) waits for it with
     * {@link #awaitDurable()}, which writes for all waiting callers at once; the rest (job bookkeeping) is written
     * within {@value #H2_WRITE_DELAY_MS} ms. (The OS still caches the write; that survives a killed process, not a power
     * cut. PostgreSQL is used as configured.)
     */
    public static String durable(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return url;
        }
        return WRITE_DELAY.matcher(url).replaceAll("") + ";WRITE_DELAY=" + H2_WRITE_DELAY_MS;
    }

    /**
     * Returns once everything committed before the call (by any thread) is on disk: call it before telling anyone
     * that something is stored. Callers waiting at the same time share one write.
     */
    public void awaitDurable() {
        if (groupCommit != null) groupCommit.await();
    }

    /** {@link #awaitDurable()} for parts that need nothing else of the database. */
    public Durability durability() {
        return this::awaitDurable;
    }

    /**
     * The app's SQL is written for PostgreSQL: an H2 URL given without H2's PostgreSQL compatibility settings (say
     * {@code COACH_DB_URL=jdbc:h2:file:/srv/coach}) gets them, instead of failing on the first query. A setting the
     * URL already names is left as given.
     */
    public static String compatible(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return url;
        }
        StringBuilder out = new StringBuilder(url);
        for (String setting : H2_COMPATIBILITY) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            if (!url.toUpperCase(java.util.Locale.ROOT).contains(";" + key)) out.append(';').append(setting);
        }
        return out.toString();
    }

    /**
     * Runs {@code work} in one transaction. Repository calls inside it join it (Jdbi reuses the thread's handle), and
     * so do jobs scheduled through a client built on {@link #joiningDataSource()}.
     */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        return jdbi.inTransaction(h -> {
            Connection outer = transaction.get();
            transaction.set(h.getConnection());
            try {
                return work.withHandle(h);
            } finally {
                if (outer == null) transaction.remove(); else transaction.set(outer);
            }
        });
    }

    /** Runs {@code action} once the current transaction commits, or at once outside a transaction. */
    public void afterCommit(Runnable action) {
        if (transaction.get() == null) {
            action.run();
        } else {
            jdbi.useHandle(h -> h.afterCommit(action));
        }
    }

    /** The pool, except that inside {@link #inTransaction} it hands out that transaction's connection. */
    public DataSource joiningDataSource() {
        return joining;
    }

    /**
     * Opens an H2 file once before the pool does, so a file another process holds open (H2 locks it) stops start-up
     * at once with what to do, not after the pool's retries and a stack trace.
     */
    private static void probeH2File(String url) {
        String file = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        try (Connection ignored = DriverManager.getConnection(url)) {
            // opened and closed: nobody else holds it
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                throw new IllegalStateException("the database " + file + ".mv.db is locked by another process (another "
                        + "Interview Coach using the same folder?): stop that process, or set COACH_DB_URL to another "
                        + "file, or to PostgreSQL to run several instances", e);
            }
            throw new IllegalStateException("cannot open the database " + file + ": " + rootMessage(e), e);
        }
    }

    private static String redacted(String url) {
        return url.replaceAll("(?i)password=[^;&]*", "password=***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }

    private static void createParentDir(String pathAndOptions) {
        String path = pathAndOptions.split(";", 2)[0];
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the database folder " + parent + ": " + e.getMessage(), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True when the database answers a trivial query within a second (for /health). */
    public boolean isHealthy() {
        try (var c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }

    public boolean isPostgres() {
        return dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    @Override
    public void close() {
        try {
            if (groupCommit != null) groupCommit.close();
        } catch (Exception e) {
            // the pool's close below still closes the database
        }
        dataSource.close();
    }
}
