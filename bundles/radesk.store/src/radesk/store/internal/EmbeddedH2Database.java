package radesk.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.h2.jdbcx.JdbcConnectionPool;

import radesk.core.DataFolder;
import radesk.store.Database;

/**
 * The embedded default: an H2 file in the user's data folder, migrated with Flyway when it opens.
 * H2 locks the file, so one workstation process owns it at a time.
 */
public final class EmbeddedH2Database implements OwnedDatabase {

	private final Path file;
	private final JdbcConnectionPool pool;

	public EmbeddedH2Database() throws IOException {
		Path folder = DataFolder.resolve().resolve("db");
		Files.createDirectories(folder);
		this.file = folder.resolve("radesk");
		// WRITE_DELAY=0: a commit reaches the file before the call returns (H2's default waits 500 ms).
		// Not a guarantee against kill -9 under load: H2 2.5 was seen to come back without its last few
		// reported commits (the notices crash benchmark at 1M subscribers). What must not be lost then
		// is kept beside it as well (the notices' final dots: radesk.notify.FinalDots, see embedded());
		// servers at scale want PostgreSQL.
		// QUERY_CACHE_SIZE: a connection keeps 64 parsed statements (H2's 8 are fewer than one renewal
		// notice's statements, so each was parsed again every time: 4% of the notice writer's time).
		this.pool = JdbcConnectionPool.create("jdbc:h2:file:" + file
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64",
				"radesk", "");
		Migrations.migrate(pool, "h2");
	}

	@Override
	public Connection connect() throws SQLException {
		return pool.getConnection();
	}

	@Override
	public String location() {
		return file + ".mv.db";
	}

	@Override
	public boolean embedded() {
		return true;
	}

	/**
	 * Closes the database compacted ({@code SHUTDOWN COMPACT}): a file left with free gaps inside
	 * lets the next process write its commits into a gap, and H2 2.5's recovery after that process
	 * is killed (kill -9, a power cut) stops at this close's last chunk and silently drops them (its
	 * file header still names that chunk). With no gaps every later commit is appended and found.
	 */
	@Override
	public void close() {
		try (Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement()) {
			s.execute("SHUTDOWN COMPACT");
		} catch (SQLException e) {
			System.getLogger(EmbeddedH2Database.class.getName()).log(System.Logger.Level.WARNING,
					"the RA database could not be compacted as it closed", e);
		}
		pool.dispose();
	}
}
