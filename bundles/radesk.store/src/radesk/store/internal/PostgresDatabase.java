package radesk.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import radesk.store.Database;
import radesk.store.DatabaseSettings;

/**
 * The records in PostgreSQL, shared by every RA server of an installation: a HikariCP pool over
 * the driver's own data source (no driver lookup through {@code DriverManager}, which OSGi class
 * loaders hide), TLS as the settings say, migrated when the server starts.
 */
public final class PostgresDatabase implements OwnedDatabase {

	private final DatabaseSettings settings;
	private final HikariDataSource pool;

	PostgresDatabase(DatabaseSettings settings) {
		this(settings, true);
	}

	/** The pool; {@code migrate} false for tools that only read and must change nothing (the schema included). */
	public PostgresDatabase(DatabaseSettings settings, boolean migrate) {
		this.settings = settings;
		PGSimpleDataSource driver = new PGSimpleDataSource();
		driver.setURL(settings.url());
		driver.setUser(settings.user());
		driver.setPassword(new String(settings.password()));
		driver.setSslMode(settings.tls().sslmode);
		if (settings.tlsRoot() != null) {
			driver.setSslRootCert(settings.tlsRoot().toString());
		}
		driver.setApplicationName("radesk");
		// a database that does not take the connection within 10 s fails the request instead of holding it
		driver.setConnectTimeout(10);
		driver.setTcpKeepAlive(true);
		// every statement planned with its values: a prepared "like ?" (the counter's 查詢, as typed) is
		// otherwise planned once for any value after five runs, without the prefix index, and scans
		driver.setOptions("-c plan_cache_mode=force_custom_plan");
		HikariConfig config = new HikariConfig();
		config.setDataSource(driver);
		config.setPoolName("radesk-records");
		config.setMaximumPoolSize(settings.pool());
		config.setMinimumIdle(Math.min(2, settings.pool()));
		config.setConnectionTimeout(15_000);
		config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
		HikariDataSource made = new HikariDataSource(config);
		try {
			if (migrate) {
				Migrations.migrate(made, "postgresql");
			}
		} catch (RuntimeException e) {
			made.close();
			throw e;
		}
		this.pool = made;
	}

	@Override
	public Connection connect() throws SQLException {
		return pool.getConnection();
	}

	@Override
	public String location() {
		return settings.location();
	}

	@Override
	public void close() {
		pool.close();
	}
}
