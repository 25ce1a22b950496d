package radesk.service.tests;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;

/**
 * The suite's PostgreSQL (its second run, {@code radesk.database}): more databases beside the
 * suite's on the same server and role, each with its settings in a data folder of its own.
 */
final class SuiteDatabases {

	private SuiteDatabases() {
	}

	private static Path suite() {
		return Path.of(System.getProperty("radesk.database"));
	}

	private static Properties read(Path file) throws IOException {
		Properties settings = new Properties();
		try (Reader in = Files.newBufferedReader(file)) {
			settings.load(in);
		}
		return settings;
	}

	/**
	 * A new database beside the suite's, named {@code prefix} and a random part: a copy of
	 * {@code template} (a database no one is connected to), or empty when it is null. Its settings
	 * go to {@code data/db/database.properties}, which is returned.
	 */
	static Path beside(Path data, String prefix, String template, String why) throws Exception {
		Properties settings = read(suite());
		String url = settings.getProperty("url").strip();
		String server = url.substring(0, url.lastIndexOf('/') + 1);
		String name = prefix + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
		try (Connection c = connect(server + "postgres"); Statement s = c.createStatement()) {
			s.execute("create database " + name + (template == null ? "" : " template " + template));
		}
		settings.setProperty("url", server + name);
		settings.setProperty("password.file", suite().resolveSibling("db.password").toString());
		Path file = Files.createDirectories(data.resolve("db")).resolve("database.properties");
		try (Writer out = Files.newBufferedWriter(file)) {
			settings.store(out, why);
		}
		return file;
	}

	/** The suite's own database, by name (a template for a copy). */
	static String suiteDatabase() throws IOException {
		String url = read(suite()).getProperty("url").strip();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	/** A connection, as the suite's role, to the database whose settings are in {@code data}. */
	static Connection connect(Path data) throws Exception {
		return connect(read(data.resolve("db").resolve("database.properties")).getProperty("url").strip());
	}

	private static Connection connect(String url) throws Exception {
		Properties settings = read(suite());
		org.postgresql.ds.PGSimpleDataSource source = new org.postgresql.ds.PGSimpleDataSource();
		source.setURL(url);
		source.setUser(settings.getProperty("user").strip());
		source.setPassword(Files.readString(suite().resolveSibling("db.password")).strip());
		source.setSslMode("verify-full");
		source.setSslRootCert(settings.getProperty("tls.root").strip());
		return source.getConnection();
	}
}
