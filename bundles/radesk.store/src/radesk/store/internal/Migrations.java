package radesk.store.internal;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The records' schema, brought to the current version with Flyway: the scripts of
 * {@code db/migration} that every database runs as written, and the few of {@code db/h2} or
 * {@code db/postgresql} that differ between them (binary columns). Several servers starting at once
 * on one PostgreSQL migrate one after the other: Flyway holds an advisory lock meanwhile.
 */
final class Migrations {

	private Migrations() {
	}

	static void migrate(DataSource records, String vendor) {
		Flyway.configure(Migrations.class.getClassLoader())
				.dataSource(records)
				.locations("classpath:db/migration", "classpath:db/" + vendor)
				.load()
				.migrate();
	}
}
