package radesk.store;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a server's records are when they are not the embedded H2 file: a PostgreSQL database, as
 * the operator writes it in {@code <data>/db/database.properties} (or the file the system property
 * {@code radesk.database} names, for several installations side by side). No file: the embedded
 * default. The password is never in that file nor in the address: it is read from a file readable
 * by the RA's user only ({@code password.file}, default {@code db.password} beside the settings) or
 * from an environment variable ({@code password.env}); it is never logged.
 *
 * <pre>
 * url = jdbc:postgresql://db1.example.tw:5432,db2.example.tw:5432/radesk?targetServerType=primary
 * user = radesk
 * password.file = /etc/radesk/db.password   # or: password.env = RADESK_DB_PASSWORD
 * pool = 16                                 # connections this server keeps (1 to 200)
 * tls = verify-full                         # verify-full | verify-ca | require | off (off: this machine only)
 * tls.root = /etc/radesk/db-ca.pem          # the CA of the database's certificate (verify-full, verify-ca)
 * </pre>
 */
public record DatabaseSettings(Path file, String url, String user, char[] password, int pool, Tls tls, Path tlsRoot) {

	/** The system property naming a settings file elsewhere than the data folder. */
	public static final String PROPERTY = "radesk.database";
	public static final int MAX_POOL = 200;

	/** Transport security towards the database, as PostgreSQL's {@code sslmode} says it. */
	public enum Tls {
		/** TLS, the server's certificate checked against the CA and its name against the host. */
		VERIFY_FULL("verify-full"),
		/** TLS, the certificate checked against the CA but not its name. */
		VERIFY_CA("verify-ca"),
		/** TLS with no check of whom it reaches. */
		REQUIRE("require"),
		/** In the clear: a database on this machine only. */
		OFF("disable");

		public final String sslmode;

		Tls(String sslmode) {
			this.sslmode = sslmode;
		}
	}

	private static final Pattern HOSTS = Pattern.compile("jdbc:postgresql://([^/?]*)/([^?]+)(\\?.*)?");
	/** Address parameters the settings own: credentials and TLS are not given twice, one of them unseen. */
	private static final List<String> OWNED = List.of("user", "password", "ssl", "sslmode", "sslfactory", "sslrootcert",
			"sslcert", "sslkey", "sslpassword", "sslhostnameverifier", "socketfactory", "authenticationpluginclassname");

	/** The settings file this process reads: the system property's, else {@code <data>/db/database.properties}. */
	public static Path file(Path data) {
		return named().orElse(data.resolve("db").resolve("database.properties"));
	}

	private static Optional<Path> named() {
		String named = System.getProperty(PROPERTY);
		return named != null && !named.isBlank() ? Optional.of(Path.of(named).toAbsolutePath()) : Optional.empty();
	}

	/** The operator's settings, or empty while there is no settings file (the embedded H2 database). */
	public static Optional<DatabaseSettings> load(Path data) throws IOException {
		Path file = file(data);
		if (!Files.exists(file) && named().isPresent()) {
			throw new IOException(file + " (named by " + PROPERTY + ") does not exist");
		}
		return read(file);
	}

	/** The settings in the data folder {@code data} itself, whatever this process was told: for tools given a folder. */
	public static Optional<DatabaseSettings> of(Path data) throws IOException {
		return read(data.resolve("db").resolve("database.properties"));
	}

	private static Optional<DatabaseSettings> read(Path file) throws IOException {
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		Properties p = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
		}
		String url = p.getProperty("url", "").strip();
		Matcher m = HOSTS.matcher(url);
		if (!m.matches() || m.group(1).isBlank()) {
			throw new IOException(file + ": url is jdbc:postgresql://host[:port][,host2[:port]]/database[?parameters]");
		}
		for (String parameter : m.group(3) == null ? new String[0] : m.group(3).substring(1).split("&")) {
			String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
			if (OWNED.contains(name)) {
				throw new IOException(file + ": the url may not carry " + name + " (the settings' user, password.* and tls.* say it)");
			}
		}
		String user = p.getProperty("user", "").strip();
		if (user.isEmpty()) {
			throw new IOException(file + ": user is needed");
		}
		Tls tls;
		try {
			tls = Tls.valueOf(p.getProperty("tls", "verify-full").strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		} catch (IllegalArgumentException e) {
			throw new IOException(file + ": tls is verify-full, verify-ca, require or off");
		}
		if (tls == Tls.OFF) {
			for (String host : m.group(1).split(",")) {
				String name = host.startsWith("[") ? host.substring(1, host.indexOf(']')) : host.split(":")[0];
				if (!InetAddress.getByName(name).isLoopbackAddress()) {
					throw new IOException(file + ": tls = off only for a database on this machine, not " + name);
				}
			}
		}
		String root = p.getProperty("tls.root", "").strip();
		if (!root.isEmpty() && !Files.isReadable(Path.of(root))) {
			throw new IOException(file + ": tls.root " + root + " cannot be read");
		}
		int pool;
		try {
			pool = Integer.parseInt(p.getProperty("pool", "10").strip());
		} catch (NumberFormatException e) {
			pool = 0;
		}
		if (pool < 1 || pool > MAX_POOL) {
			throw new IOException(file + ": pool is a number from 1 to " + MAX_POOL);
		}
		return Optional.of(new DatabaseSettings(file, url, user, password(file, p), pool, tls, root.isEmpty() ? null : Path.of(root)));
	}

	private static char[] password(Path file, Properties p) throws IOException {
		String variable = p.getProperty("password.env", "").strip();
		if (!variable.isEmpty()) {
			String value = System.getenv(variable);
			if (value == null) {
				throw new IOException(file + ": password.env names " + variable + ", which is not set");
			}
			return value.toCharArray();
		}
		String named = p.getProperty("password.file", "").strip();
		Path passwordFile = named.isEmpty() ? file.resolveSibling("db.password") : file.resolveSibling(named);
		if (!Files.exists(passwordFile)) {
			if (!named.isEmpty()) {
				throw new IOException(file + ": password.file " + passwordFile + " does not exist");
			}
			return new char[0];
		}
		return Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
	}

	/** The address for people and logs: no credentials (the url carries none). */
	public String location() {
		return url + " (user " + user + ", tls " + tls.sslmode + ")";
	}

	@Override
	public String toString() {
		return location();
	}
}
