package radesk.bench;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import radesk.api.PublicationDesk;
import radesk.server.RaServerEndpoint;
import radesk.store.Database;
import radesk.testing.OsgiServices;
import radesk.testing.TestIds;

/**
 * OCSP (P2b): N revoked certificates and N/10 good ones in the records, asked for by relying parties
 * that POST RFC 5019 requests without a nonce (as browsers and mail programs do), {@value #CLIENTS}
 * connections at once, by wrk (a C load client on one thread, so that the client takes as little of
 * the machine's cores as it can); RA Desk's responder on its plain-HTTP listener against
 * {@code openssl ocsp -index … -port -multi <cores>} serving the same list (its text database, the
 * same issuer, an EC P-256 responder key like ours, one responder process per core), asked the same
 * requests by the same client in the same run: responses per second and p99. Then the CRL of those N entries fetched from the listener, against
 * Python's {@code http.server} serving the same file.
 */
final class OcspBench {

	static final int CLIENTS = 16;
	static final int CORES = Runtime.getRuntime().availableProcessors();
	private static final DateTimeFormatter OPENSSL_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
	private final Path dir;
	private int loaded = -1;
	private final List<BigInteger> revoked = new ArrayList<>();
	private final List<BigInteger> good = new ArrayList<>();

	OcspBench(Path dir) {
		this.dir = dir;
	}

	void run(int n, int requests) throws Exception {
		Database db = OsgiServices.await(Database.class);
		PublicationDesk publication = OsgiServices.await(PublicationDesk.class);
		int port = OsgiServices.await(RaServerEndpoint.class).publishPort();
		X509Certificate issuer = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new java.io.ByteArrayInputStream(publication.caCertificate("issuing").orElseThrow()));
		if (loaded != n) {
			load(db, n);
			loaded = n;
		}
		Path work = Files.createDirectories(dir.resolve("ocsp-" + System.nanoTime()));
		byte[][] asked = requests(issuer, Math.min(requests, 10_000));
		Path script = wrkScript(work, asked);
		int seconds = Math.max(2, requests / 5000);
		// warmed up as a running server is: its kept answers made and its code compiled, until a run is no faster than
		// the one before (HotSpot compiles Jetty's and the responder's paths over tens of seconds)
		double before = 0;
		for (int warm = 0; warm < 8; warm++) {
			double rate = wrk(script, port, seconds).perSecond();
			if (rate < before * 1.05) {
				break;
			}
			before = rate;
		}
		Result ours = wrk(script, port, seconds);
		// openssl 3.0's responders spin for good on a connection closed before its request (as wrk leaves some
		// when it stops): one run per responder, started afresh; it reads its index before it accepts
		Process openssl = opensslResponder(work, issuer);
		Result peer;
		try {
			peer = wrk(script, Integer.parseInt(Files.readString(work.resolve("port")).strip()), seconds);
		} finally {
			// -multi forks a responder per core: those go first, then the process that watches them
			openssl.descendants().forEach(ProcessHandle::destroyForcibly);
			openssl.destroyForcibly();
			openssl.waitFor(10, TimeUnit.SECONDS);
		}
		Report.ratio("OCSP responses (" + n + " revoked, " + n / 10 + " good; wrk, " + CLIENTS + " connections)", ours.perSecond(),
				"openssl ocsp -index -port -multi " + CORES, peer.perSecond(), "/s", ">= 5.00");
		Report.detail("  p99 latency (ms; lower is better)", ours.p99Millis(), "openssl ocsp -index -port -multi " + CORES,
				peer.p99Millis(), "ms");
		crlFetch(publication, port, n);
	}

	/** The CRL of the N entries fetched over HTTP, against Python's http.server serving the same file. */
	private void crlFetch(PublicationDesk publication, int port, int n) throws Exception {
		PublicationDesk.Crl crl = publication.currentCrl();
		long size = Files.size(crl.file());
		fetch("127.0.0.1", port, "/crl/issuing.crl", size);
		double ours = fetch("127.0.0.1", port, "/crl/issuing.crl", size);
		Path served = Files.createDirectories(dir.resolve("crl-http-" + System.nanoTime()));
		Files.copy(crl.file(), served.resolve("issuing.crl"));
		int pyPort;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			pyPort = free.getLocalPort();
		}
		Process python = new ProcessBuilder("python3", "-m", "http.server", "--bind", "127.0.0.1", String.valueOf(pyPort))
				.directory(served.toFile()).redirectErrorStream(true).redirectOutput(served.resolve("log").toFile()).start();
		try {
			waitForPort(pyPort, python, served.resolve("log"));
			fetch("127.0.0.1", pyPort, "/issuing.crl", size);
			double peer = fetch("127.0.0.1", pyPort, "/issuing.crl", size);
			Report.ratio("CRL of " + n + " entries (" + size / 1024 + " KiB) fetched over HTTP (ms; lower is better)", ours * 1000,
					"python3 -m http.server, same file", peer * 1000, "ms", "<= 1.00");
		} finally {
			python.destroyForcibly();
		}
	}

	private static double fetch(String host, int port, String path, long size) throws Exception {
		long start = System.nanoTime();
		try (Socket s = new Socket(host, port)) {
			s.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			long read = 0;
			byte[] buffer = new byte[65536];
			InputStream in = s.getInputStream();
			for (int k; (k = in.read(buffer)) >= 0;) {
				read += k;
			}
			if (read < size) {
				throw new IllegalStateException("only " + read + " of " + size + " bytes from " + host + ":" + port + path);
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}

	record Result(double perSecond, double p99Millis) {
	}

	/**
	 * wrk's Lua script and the request bodies it sends in turn (each prefixed by its length in two
	 * bytes), every connection starting at its own place in the list.
	 */
	private static Path wrkScript(Path work, byte[][] asked) throws java.io.IOException {
		Path bodies = work.resolve("requests.bin");
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(bodies))) {
			for (byte[] body : asked) {
				out.write(body.length >> 8);
				out.write(body.length & 0xff);
				out.write(body);
			}
		}
		Path script = work.resolve("ocsp.lua");
		Files.writeString(script, String.join("\n",
				"local bodies = {}",
				"local at = 0",
				"local f = assert(io.open(\"" + bodies.toAbsolutePath() + "\", \"rb\"))",
				"local data = f:read(\"*all\")",
				"f:close()",
				"local pos = 1",
				"while pos <= #data do",
				"  local length = data:byte(pos) * 256 + data:byte(pos + 1)",
				"  bodies[#bodies + 1] = data:sub(pos + 2, pos + 1 + length)",
				"  pos = pos + 2 + length",
				"end",
				"local headers = { [\"Content-Type\"] = \"application/ocsp-request\" }",
				"init = function(args) at = math.random(#bodies) end",
				"request = function()",
				"  at = at % #bodies + 1",
				"  return wrk.format(\"POST\", \"/ocsp\", headers, bodies[at])",
				"end",
				"") );
		return script;
	}

	/** wrk for {@code seconds} on one thread with {@value #CLIENTS} connections: answers per second and p99; any error fails. */
	private Result wrk(Path script, int port, int seconds) throws Exception {
		Peer.Run r = Peer.time(dir, List.of("wrk", "-t1", "-c" + CLIENTS, "-d" + seconds + "s", "--timeout", "10s", "--latency", "-s",
				script.toString(), "http://127.0.0.1:" + port + "/ocsp"));
		String out = r.output();
		java.util.regex.Matcher rate = java.util.regex.Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
		java.util.regex.Matcher p99 = java.util.regex.Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(out);
		if (!rate.find() || !p99.find() || out.contains("Non-2xx") || out.contains("Socket errors") || Double.parseDouble(rate.group(1)) <= 0) {
			throw new IllegalStateException("wrk against port " + port + " did not run cleanly:\n" + out);
		}
		double p = Double.parseDouble(p99.group(1));
		double millis = switch (p99.group(2)) {
		case "us" -> p / 1000;
		case "s" -> p * 1000;
		default -> p;
		};
		return new Result(Double.parseDouble(rate.group(1)), millis);
	}

	/** RFC 5019 requests, one certificate each, no nonce: revoked, good and never-issued serials mixed. */
	private byte[][] requests(X509Certificate issuer, int count) throws Exception {
		JcaX509CertificateHolder holder = new JcaX509CertificateHolder(issuer);
		var sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
		SecureRandom random = new SecureRandom();
		byte[][] out = new byte[count][];
		for (int i = 0; i < count; i++) {
			BigInteger serial = i % 10 == 9 ? new BigInteger(127, random).setBit(101)
					: i % 10 < 7 ? revoked.get(random.nextInt(revoked.size())) : good.get(random.nextInt(good.size()));
			out[i] = new OCSPReqBuilder().addRequest(new CertificateID(sha1, holder, serial)).build().getEncoded();
		}
		return out;
	}

	/** openssl ocsp on a free port over the same list, signing with an EC P-256 key of its own, ready to answer. */
	private Process opensslResponder(Path work, X509Certificate issuer) throws Exception {
		Files.writeString(work.resolve("issuing.pem"), "-----BEGIN CERTIFICATE-----\n"
				+ Base64Lines.of(issuer.getEncoded()) + "-----END CERTIFICATE-----\n");
		Peer.time(work, List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj",
				"/CN=openssl OCSP responder", "-days", "30", "-keyout", "responder.key", "-out", "responder.pem"));
		String expiry = OPENSSL_TIME.format(Instant.now().plus(Duration.ofDays(365)));
		String revokedAt = OPENSSL_TIME.format(Instant.now().minus(Duration.ofDays(1)));
		try (BufferedWriter index = Files.newBufferedWriter(work.resolve("index.txt"), StandardCharsets.US_ASCII)) {
			for (BigInteger s : revoked) {
				index.write("R\t" + expiry + "\t" + revokedAt + ",keyCompromise\t" + evenHex(s) + "\tunknown\t/CN=x\n");
			}
			for (BigInteger s : good) {
				index.write("V\t" + expiry + "\t\t" + evenHex(s) + "\tunknown\t/CN=x\n");
			}
		}
		// many entries share the subject (/CN=x): openssl's text database must not insist on unique ones
		Files.writeString(work.resolve("index.txt.attr"), "unique_subject = no\n");
		int port;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Files.writeString(work.resolve("port"), String.valueOf(port));
		Process p = new ProcessBuilder("openssl", "ocsp", "-index", "index.txt", "-port", String.valueOf(port), "-multi",
				String.valueOf(CORES), "-rsigner",
				"responder.pem", "-rkey", "responder.key", "-CA", "issuing.pem", "-ignore_err").directory(work.toFile())
				.redirectErrorStream(true).redirectOutput(work.resolve("openssl.log").toFile()).start();
		// not probed with an empty connection: openssl 3.0's responder spins on one closed before its request
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		// one process says it waits for connections; with -multi the parent says where it accepts them
		while (!Files.readString(work.resolve("openssl.log")).matches("(?s).*(waiting for OCSP client connections|ACCEPT ).*")) {
			if (!p.isAlive() || System.nanoTime() > deadline) {
				p.destroyForcibly();
				throw new IllegalStateException("openssl ocsp did not start:\n" + Files.readString(work.resolve("openssl.log")));
			}
			Thread.sleep(100);
		}
		return p;
	}

	private static void waitForPort(int port, Process server, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
		while (true) {
			try (Socket s = new Socket("127.0.0.1", port)) {
				return;
			} catch (java.io.IOException notYet) {
				if (!server.isAlive() || System.nanoTime() > deadline) {
					server.destroyForcibly();
					throw new IllegalStateException("nothing listens on port " + port + ":\n" + Files.readString(log));
				}
				Thread.sleep(100);
			}
		}
	}

	/** N revoked certificates and N/10 good ones of one subscriber in the records; the status counter moved. */
	private void load(Database db, int n) throws Exception {
		long begin = System.nanoTime();
		SecureRandom random = new SecureRandom();
		Instant now = Instant.now();
		try (Connection c = db.connect()) {
			c.setAutoCommit(false);
			long request;
			long subscriber;
			try (PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) + 1 from registration_request");
					ResultSet rs = ps.executeQuery()) {
				rs.next();
				request = rs.getLong(1);
			}
			try (PreparedStatement ps = c.prepareStatement("select coalesce(max(id), 0) + 1 from subscriber"); ResultSet rs = ps.executeQuery()) {
				rs.next();
				subscriber = rs.getLong(1);
			}
			String id = TestIds.nationalId();
			try (PreparedStatement req = c.prepareStatement("insert into registration_request (id, channel, state, applicant_name,"
					+ " national_id, email, ra_unit, workstation, received_at, submitted_by) values (?, 'COUNTER', 'DELIVERED', '廢止人', ?,"
					+ " 'o@example.tw', 'HQ', 'bench', ?, 'bench')");
					PreparedStatement sub = c.prepareStatement("insert into subscriber (id, account, national_id, name, email, ra_unit,"
							+ " pseudonym, password_hash, request_id, created_at, language) values (?, ?, ?, '廢止人', 'o@example.tw', 'HQ',"
							+ " ?, 'x', ?, ?, 'zh-TW')")) {
				req.setLong(1, request);
				req.setString(2, id);
				req.setTimestamp(3, Timestamp.from(now));
				req.executeUpdate();
				sub.setLong(1, subscriber);
				sub.setString(2, "ocsp" + subscriber);
				sub.setString(3, id);
				sub.setString(4, "ocsp" + subscriber);
				sub.setLong(5, request);
				sub.setTimestamp(6, Timestamp.from(now));
				sub.executeUpdate();
			}
			try (var alter = c.createStatement()) {
				alter.execute("alter table registration_request alter column id restart with " + (request + 1));
				alter.execute("alter table subscriber alter column id restart with " + (subscriber + 1));
			}
			int total = n + n / 10;
			try (PreparedStatement cert = c.prepareStatement("insert into certificate (serial, identifier, subscriber_id, state,"
					+ " not_before, not_after, der, revoked_at, revocation_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
				byte[] der = new byte[64];
				Timestamp from = Timestamp.from(now.minus(Duration.ofDays(30)));
				Timestamp until = Timestamp.from(now.plus(Duration.ofDays(700)));
				Timestamp at = Timestamp.from(now.minus(Duration.ofDays(1)));
				for (int i = 0; i < total; i++) {
					BigInteger serial = new BigInteger(127, random).setBit(100);
					boolean isRevoked = i < n;
					(isRevoked ? revoked : good).add(serial);
					cert.setString(1, HexFormat.of().formatHex(serial.toByteArray()));
					cert.setString(2, "O" + subscriber + "-" + i);
					cert.setLong(3, subscriber);
					cert.setString(4, isRevoked ? "REVOKED" : "ON_CARD");
					cert.setTimestamp(5, from);
					cert.setTimestamp(6, until);
					cert.setBytes(7, der);
					cert.setTimestamp(8, isRevoked ? at : null);
					cert.setString(9, isRevoked ? "KEY_EXPOSED" : null);
					cert.addBatch();
					if (i % 10_000 == 9_999) {
						cert.executeBatch();
						c.commit();
					}
				}
				cert.executeBatch();
			}
			try (PreparedStatement moved = c.prepareStatement("update counters set last_used = last_used + 1 where name = 'revocation_status'")) {
				moved.executeUpdate();
			}
			c.commit();
		}
		System.out.println(String.format(Locale.ROOT, "  (loaded %d revoked and %d good certificates in %.0f s)", n, n / 10,
				(System.nanoTime() - begin) / 1e9));
	}

	private static String evenHex(BigInteger serial) {
		String hex = serial.toString(16).toUpperCase(Locale.ROOT);
		return hex.length() % 2 == 0 ? hex : "0" + hex;
	}

	/** Base64 in 64-character lines, as PEM wants. */
	private static final class Base64Lines {
		static String of(byte[] der) {
			return java.util.Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der) + "\n";
		}
	}
}
