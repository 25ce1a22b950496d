package radesk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import radesk.api.staff.NoticeDesk;
import radesk.store.Database;
import radesk.testing.OsgiServices;
import radesk.testing.TestIds;

/**
 * 憑證展期通知 (P3): N subscribers whose certificates end over the next year (about N/12 inside the
 * one-month window; half of those within 14 days already had their 30-day notice, so they get the
 * next stage), the notice job sending from the outbox — composed, S/MIME-signed, every state change
 * committed and audited — into Postfix's smtp-sink on loopback, against Postfix's smtp-source sending
 * as many messages of the same size to a sink of its own over one connection, as the job does.
 * Once, at the end ({@link NoticeCrash}): the job in a JVM of its own killed with SIGKILL halfway,
 * the RA started again, and every Message-ID the sink took counted: none missing, none twice.
 */
final class NoticeBench {

	static final String SEED = "<seed.";
	/** The job's SMTP connections at once (smtp.properties connections; 4 by default, 8 here, -Dbench.connections). */
	static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);
	private final Path dir;
	private int loaded = -1;
	private int due;

	NoticeBench(Path dir) {
		this.dir = dir;
	}

	void run(int n, int round) throws Exception {
		Database db = OsgiServices.await(Database.class);
		if (loaded < 0) {
			due = load(db, n);
			loaded = n;
		}
		reset(db);
		long sent;
		long size;
		double ours;
		try (SmtpSink sink = new SmtpSink(dir.resolve("notices-" + round))) {
			settings(sink.port);
			long start = System.nanoTime();
			NoticeDesk.Report report = OsgiServices.await(NoticeDesk.class).runJob();
			ours = (System.nanoTime() - start) / 1e9;
			sent = sink.accepted();
			size = sink.meanSize();
			if (!report.ran() || report.sent() != sent || sent < due) {
				throw new IllegalStateException("the job " + report + " but the sink took " + sent + " of " + due + " due");
			}
		}
		double peer;
		try (SmtpSink sink = new SmtpSink(dir.resolve("peer-" + round))) {
			// the same number of messages, of the same size, over one connection (-d), as the job sends them
			peer = Peer.time(dir, List.of("/usr/sbin/smtp-source", "-d", "-s", "1", "-m", String.valueOf(sent), "-l",
					String.valueOf(size), "-f", "ra-notices@radesk.test", "-t", "subscriber@example.tw", "127.0.0.1:" + sink.port)).seconds();
			System.out.println("  (" + sent + " notices of " + size + " bytes on average)");
			if (sink.accepted() != sent) {
				throw new IllegalStateException("smtp-source delivered " + sink.accepted() + " of " + sent);
			}
		}
		Report.ratio("renewal notices from the outbox (" + due + " due of " + n + " subscribers, S/MIME-signed, " + CONNECTIONS
				+ " connections)", sent / ours,
				"smtp-source -d, same sink", sent / peer, "/s", ">= 0.50");
		// what the S/MIME signature alone allows on this JVM and these cores: the notices' ceiling
		Report.detail("  of which ECDSA P-256 signatures alone, one per notice, on every core (" + radesk.pki.NativeCrypto.describe() + ")",
				sent / signing((int) sent, (int) size),
				"smtp-source -d, same sink", sent / peer, "/s");
	}

	/**
	 * Seconds to make {@code count} SHA256withECDSA signatures over {@code size} bytes, on as many
	 * threads as cores, by the provider the notices are signed with (the native one where it loads).
	 */
	private static double signing(int count, int size) throws Exception {
		java.util.Optional<java.security.Provider> provider = radesk.pki.NativeCrypto.provider();
		java.security.KeyPairGenerator g = provider.isPresent() ? java.security.KeyPairGenerator.getInstance("EC", provider.get())
				: java.security.KeyPairGenerator.getInstance("EC");
		g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
		java.security.PrivateKey key = g.generateKeyPair().getPrivate();
		byte[] content = new byte[size];
		int cores = Runtime.getRuntime().availableProcessors();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(cores);
		try {
			long start = System.nanoTime();
			List<java.util.concurrent.Future<Void>> parts = new java.util.ArrayList<>();
			for (int t = 0; t < cores; t++) {
				int share = count / cores + (t < count % cores ? 1 : 0);
				parts.add(pool.submit(() -> {
					java.security.Signature s = provider.isPresent() ? java.security.Signature.getInstance("SHA256withECDSA", provider.get())
							: java.security.Signature.getInstance("SHA256withECDSA");
					for (int i = 0; i < share; i++) {
						s.initSign(key);
						s.update(content);
						s.sign();
					}
					return null;
				}));
			}
			for (java.util.concurrent.Future<Void> f : parts) {
				f.get();
			}
			return (System.nanoTime() - start) / 1e9;
		} finally {
			pool.shutdown();
		}
	}

	/** The notices of the last round gone (the seeded 30-day ones stay): the same work again. */
	static void reset(Database db) throws Exception {
		try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("delete from notice where message_id not like ?")) {
			ps.setString(1, SEED + "%");
			ps.executeUpdate();
			if (!c.getAutoCommit()) {
				c.commit();
			}
		}
	}

	/** The sink as the RA's mail server: plain SMTP on loopback, reminders at 30, 14, 7 and 1 days. */
	static void settings(int port) throws Exception {
		Path file = Path.of(System.getProperty("radesk.data"), "notify", "smtp.properties");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "host = 127.0.0.1\nport = " + port + "\nsecurity = none\nsender = ra-notices@radesk.test\n"
				+ "senderName = RA Desk\nstages = 30,14,7,1\nconnections = " + CONNECTIONS + "\n",
				StandardCharsets.UTF_8);
	}

	int due() {
		return due;
	}

	/** N subscribers (confirmed addresses, half in English), a card and a certificate on it each; returns how many are due now. */
	private static int load(Database db, int n) throws Exception {
		long begin = System.nanoTime();
		Instant now = Instant.now();
		Random random = new Random(11);
		int dueNow = 0;
		try (Connection c = db.connect()) {
			c.setAutoCommit(false);
			long firstRequest = max(c, "registration_request") + 1;
			long firstSubscriber = max(c, "subscriber") + 1;
			java.util.Set<String> seen = new java.util.HashSet<>();
			try (PreparedStatement taken = c.prepareStatement("select national_id from subscriber union select national_id"
					+ " from registration_request"); ResultSet rs = taken.executeQuery()) {
				while (rs.next()) {
					seen.add(rs.getString(1));
				}
			}
			byte[] der = new byte[64]; // the job reads the row, never the DER
			try (PreparedStatement req = c.prepareStatement("insert into registration_request (id, channel, state, applicant_name,"
					+ " national_id, email, ra_unit, workstation, received_at, submitted_by) values (?, 'COUNTER', 'DELIVERED', ?, ?, ?,"
					+ " 'HQ', 'bench', ?, 'bench')");
					PreparedStatement sub = c.prepareStatement("insert into subscriber (id, account, national_id, name, email, ra_unit,"
							+ " pseudonym, password_hash, request_id, created_at, language, email_verified_at)"
							+ " values (?, ?, ?, ?, ?, 'HQ', ?, 'x', ?, ?, ?, ?)");
					PreparedStatement card = c.prepareStatement("insert into card (serial, state, subscriber_id) values (?, 'ISSUED', ?)");
					PreparedStatement cert = c.prepareStatement("insert into certificate (serial, identifier, subscriber_id, card_serial,"
							+ " state, not_before, not_after, der) values (?, ?, ?, ?, 'ON_CARD', ?, ?, ?)");
					PreparedStatement seed = c.prepareStatement("insert into notice (certificate_serial, stage, subscriber_id, recipient,"
							+ " language, state, message_id, attempts, next_attempt_at, created_at, sent_at)"
							+ " values (?, 30, ?, ?, ?, 'SENT', ?, 1, ?, ?, ?)")) {
				Timestamp stamp = Timestamp.from(now);
				for (int i = 0; i < n; i++) {
					String id;
					do {
						id = TestIds.nationalId();
					} while (!seen.add(id));
					long subscriber = firstSubscriber + i;
					String email = "n" + i + "@example.tw";
					String language = i % 2 == 0 ? "zh-TW" : "en";
					req.setLong(1, firstRequest + i);
					req.setString(2, "展期人" + i);
					req.setString(3, id);
					req.setString(4, email);
					req.setTimestamp(5, stamp);
					req.addBatch();
					sub.setLong(1, subscriber);
					sub.setString(2, String.format(Locale.ROOT, "rn%08d", i));
					sub.setString(3, id);
					sub.setString(4, "展期人" + i);
					sub.setString(5, email);
					sub.setString(6, "q" + i);
					sub.setLong(7, firstRequest + i);
					sub.setTimestamp(8, stamp);
					sub.setString(9, language);
					sub.setTimestamp(10, stamp);
					sub.addBatch();
					Instant notAfter = now.plus(Duration.ofMinutes(90 + random.nextInt(365 * 24 * 60)));
					String serial = String.format(Locale.ROOT, "B%011X", i);
					String cardSerial = String.format(Locale.ROOT, "RN%010d", i);
					card.setString(1, cardSerial);
					card.setLong(2, subscriber);
					card.addBatch();
					cert.setString(1, serial);
					cert.setString(2, String.format(Locale.ROOT, "N%09d", i));
					cert.setLong(3, subscriber);
					cert.setString(4, cardSerial);
					cert.setTimestamp(5, Timestamp.from(notAfter.minus(Duration.ofDays(730))));
					cert.setTimestamp(6, Timestamp.from(notAfter));
					cert.setBytes(7, der);
					cert.addBatch();
					Duration left = Duration.between(now, notAfter);
					if (left.compareTo(Duration.ofDays(30)) <= 0) {
						dueNow++;
						if (left.compareTo(Duration.ofDays(14)) <= 0 && i % 2 == 0) {
							seed.setString(1, serial);
							seed.setLong(2, subscriber);
							seed.setString(3, email);
							seed.setString(4, language);
							seed.setString(5, SEED + i + "@radesk.test>");
							Timestamp earlier = Timestamp.from(notAfter.minus(Duration.ofDays(30)));
							seed.setTimestamp(6, earlier);
							seed.setTimestamp(7, earlier);
							seed.setTimestamp(8, earlier);
							seed.addBatch();
						}
					}
					if (i % 10_000 == 9_999) {
						flush(c, req, sub, card, cert, seed);
					}
				}
				flush(c, req, sub, card, cert, seed);
			}
			try (var alter = c.createStatement()) {
				alter.execute("alter table registration_request alter column id restart with " + (firstRequest + n));
				alter.execute("alter table subscriber alter column id restart with " + (firstSubscriber + n));
			}
			c.commit();
		}
		System.out.println(String.format(Locale.ROOT, "  (loaded %d subscribers with certificates, %d due, in %.0f s)", n, dueNow,
				(System.nanoTime() - begin) / 1e9));
		return dueNow;
	}

	private static void flush(Connection c, PreparedStatement... batches) throws Exception {
		for (PreparedStatement b : batches) {
			b.executeBatch();
		}
		c.commit();
	}

	private static long max(Connection c, String table) throws Exception {
		try (PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) from " + table); ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
