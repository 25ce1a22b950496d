package radesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import radesk.core.ca.CaToken;
import radesk.core.certificate.CertificateState;
import radesk.core.registration.Channel;
import radesk.core.registration.RequestState;
import radesk.core.registration.WalkInForm;
import radesk.pki.CertificateSubject;
import radesk.pki.CsrBuilder;
import radesk.pki.CsrInspector;
import radesk.pki.EmbeddedCa;
import radesk.store.CertificateRow;
import radesk.store.Certificates;
import radesk.store.Database;
import radesk.store.GroupCommit;
import radesk.store.Requests;
import radesk.store.Subscribers;

/**
 * Issuing N certificates the way the RA does — request checked, certificate signed, record
 * committed — against {@code openssl ca -batch} issuing the same requests and against the crypto
 * limit (one verification and one signature per certificate, on all cores, the same providers).
 */
final class IssuanceBench {

	private final Path dir;
	private final EmbeddedCa ca;
	private final EmbeddedCa inMemory;
	private final Database db;
	private final CaToken token;
	private static final CertificateSubject SUBJECT = new CertificateSubject("壓力測試", "HQ", "b@example.tw", "PB");
	/** About a subscriber certificate's to-be-signed part. */
	private static final byte[] TBS = new byte[600];

	/**
	 * {@code ca}: the RA's, its key on {@code token}; {@code inMemory}: the same CA with its key in
	 * memory, for comparison.
	 */
	IssuanceBench(Path dir, EmbeddedCa ca, CaToken token, EmbeddedCa inMemory, Database db) {
		this.dir = dir;
		this.ca = ca;
		this.token = token;
		this.inMemory = inMemory;
		this.db = db;
	}

	/**
	 * Issues {@code n} requests on all cores: each thread checks a request and has the CA sign it on
	 * its token (in a session of its own), and hands the record to one group writer, which commits
	 * what arrived meanwhile together; a certificate counts once its record is committed. The crypto
	 * limit is the same machine doing only one verification (the native provider where it loads, as
	 * the RA) and one signature on the CA's token per certificate, on the same threads.
	 */
	void run(String keyType, int n) throws Exception {
		List<byte[]> requests = requests(keyType, n);
		long subscriber = subscriber();
		int cores = Runtime.getRuntime().availableProcessors();
		// as a server's many connections: enough requests in flight that the group writer finds several waiting
		int threads = 8 * cores;
		double ours;
		try (GroupCommit records = new GroupCommit(db, "bench issuance records", 256)) {
			issueAll(requests.subList(0, Math.min(500, n)), subscriber, threads, records); // the JIT's warm-up, not timed
			long start = System.nanoTime();
			issueAll(requests, subscriber, threads, records);
			ours = n / ((System.nanoTime() - start) / 1e9);
		}
		double recordsOnly;
		try (GroupCommit records = new GroupCommit(db, "bench issuance records", 256)) {
			List<X509Certificate> issued = new ArrayList<>();
			for (byte[] r : requests) {
				issued.add(inMemory.issue(CsrInspector.inspect(r), SUBJECT, Instant.now()));
			}
			recordsOnly = parallel(n, threads, i -> record(issued.get(i), subscriber, i, records));
		}
		cryptoLimit(requests.subList(0, Math.min(500, n)), cores);
		double limit = cryptoLimit(requests, cores);
		double memoryOnly = parallel(n, cores, i -> inMemory.issue(CsrInspector.inspect(requests.get(i)), SUBJECT, Instant.now()));
		double serialOnly = parallel(n, 1, i -> ca.issue(CsrInspector.inspect(requests.get(i)), SUBJECT, Instant.now()));
		double parallelOnly = parallel(n, threads, i -> ca.issue(CsrInspector.inspect(requests.get(i)), SUBJECT, Instant.now()));
		double tokenOne = parallel(n, 1, i -> token.sign(CaToken.Key.ISSUING, TBS));
		double tokenAll = parallel(n, cores, i -> token.sign(CaToken.Key.ISSUING, TBS));

		double raw = opensslSignRate();
		double opensslCa = opensslCaRate(requests);
		String what = "issue " + n + " " + keyType + " requests (check + sign + record, " + cores + " cores)";
		Report.ratio(what, ours, "openssl ca -batch", opensslCa, "/s", ">= 3.00");
		Report.ratio(what, ours, "crypto limit: verify + sign on the token", limit, "/s", ">= 0.50");
		Report.detail("  check + sign on the token, one thread, no record", serialOnly, "openssl speed ecdsap256 sign", raw, "/s");
		Report.detail("  check + sign on the token, " + threads + " threads, no record", parallelOnly, "openssl speed ecdsap256 sign",
				raw, "/s");
		Report.detail("  the records alone (group writer, " + threads + " threads)", recordsOnly, "the same with check + sign", ours, "/s");
		Report.detail("  the token's signatures alone, " + cores + " threads", tokenAll, "the same on one thread", tokenOne, "/s");
		Report.detail("  check + sign with the CA's key in memory, " + cores + " threads", memoryOnly, "openssl speed ecdsap256 sign",
				raw, "/s");
		Report.note("issuance signs with " + radesk.pki.NativeCrypto.describe() + " for requests, " + token.location() + " for the CA");
	}

	/** One request's work, by its index. */
	private interface Step {
		void on(int request) throws Exception;
	}

	/** {@code step} over requests 0 … {@code n - 1} on {@code threads} threads: requests per second. */
	private static double parallel(int n, int threads, Step step) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			AtomicInteger next = new AtomicInteger();
			List<Future<?>> running = new ArrayList<>();
			long start = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				running.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
						step.on(i);
					}
					return null;
				}));
			}
			for (Future<?> f : running) {
				f.get();
			}
			return n / ((System.nanoTime() - start) / 1e9);
		} finally {
			pool.shutdownNow();
		}
	}

	/** One verification of the request's signature and one signature by the CA's token per request, nothing else. */
	private double cryptoLimit(List<byte[]> requests, int threads) throws Exception {
		List<JcaPKCS10CertificationRequest> parsed = new ArrayList<>();
		List<java.security.PublicKey> keys = new ArrayList<>();
		for (byte[] r : requests) {
			parsed.add(new JcaPKCS10CertificationRequest(r));
			keys.add(parsed.get(parsed.size() - 1).getPublicKey());
		}
		return parallel(requests.size(), threads, i -> {
			if (!parsed.get(i).isSignatureValid(radesk.pki.NativeCrypto.verifier(keys.get(i)))) {
				throw new IllegalStateException("a request did not verify");
			}
			token.sign(CaToken.Key.ISSUING, TBS);
		});
	}

	private void issueAll(List<byte[]> requests, long subscriber, int threads, GroupCommit records) throws Exception {
		parallel(requests.size(), threads, i -> {
			X509Certificate cert = ca.issue(CsrInspector.inspect(requests.get(i)),
					new CertificateSubject("壓力測試 " + i, "HQ", "bench@example.tw", "PBENCH" + i), Instant.now());
			record(cert, subscriber, i, records);
		});
	}

	/** Records {@code cert} as the service does, through the group writer: back once its commit is durable. */
	private void record(X509Certificate cert, long subscriber, int i, GroupCommit records) throws Exception {
		String keyHash = radesk.core.Sha256.hex(cert.getPublicKey().getEncoded());
		CertificateRow row = new CertificateRow(HexFormat.of().formatHex(cert.getSerialNumber().toByteArray()),
				"B" + System.nanoTime() + "-" + i, subscriber, null, null, CertificateState.ISSUED_NOT_ON_CARD,
				cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), cert.getEncoded(), 0);
		records.write((Connection c) -> {
			// as the service records it: the key looked up by its hash (one key, one certificate), then the row;
			// the bench signs with 16 keys over and over (making thousands is not what it measures), so the
			// look-up's answer is ignored here and only its cost counted
			Certificates.ofKey(c, keyHash);
			Certificates.insert(c, row, keyHash);
			return null;
		});
	}

	private long subscriber() throws Exception {
		return db.inTransaction((Connection c) -> {
			String id = "A1" + String.format("%08d", System.nanoTime() % 100_000_000L);
			long request = Requests.insert(c, new WalkInForm("壓力測試", id, "bench@example.tw", "HQ"), Channel.COUNTER,
					RequestState.APPROVED, "bench", "bench", Instant.now());
			return Subscribers.insert(c, Requests.find(c, request).orElseThrow(), "bench" + System.nanoTime() % 1_000_000,
					"PB" + System.nanoTime(), "-", Instant.now());
		});
	}

	/** N requests from a handful of keys: the CA's work per request does not depend on which key it is. */
	private static List<byte[]> requests(String keyType, int n) throws Exception {
		List<KeyPair> keys = new ArrayList<>();
		for (int k = 0; k < 16; k++) {
			KeyPairGenerator g = KeyPairGenerator.getInstance(keyType.equals("RSA-2048") ? "RSA" : "EC");
			if (keyType.equals("RSA-2048")) {
				g.initialize(2048);
			} else {
				g.initialize(new ECGenParameterSpec("secp256r1"));
			}
			keys.add(g.generateKeyPair());
		}
		List<byte[]> requests = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			KeyPair kp = keys.get(i % keys.size());
			requests.add(CsrBuilder.build(kp.getPublic(), "bench " + i, (alg, data) -> {
				Signature s = Signature.getInstance(alg);
				s.initSign(kp.getPrivate());
				s.update(data);
				return s.sign();
			}));
		}
		return requests;
	}

	private double opensslSignRate() throws Exception {
		Peer.Run r = Peer.time(dir, List.of("openssl", "speed", "-seconds", "3", "ecdsap256"));
		Matcher m = Pattern.compile("256 bits ecdsa \\(nistp256\\)\\s+\\S+s\\s+\\S+s\\s+([0-9.]+)").matcher(r.output());
		if (!m.find()) {
			throw new IllegalStateException("cannot read openssl speed output:\n" + r.output());
		}
		return Double.parseDouble(m.group(1));
	}

	private double opensslCaRate(List<byte[]> requests) throws Exception {
		Path ca = Files.createDirectories(dir.resolve("openssl-ca-" + System.nanoTime()));
		OpensslCa.prepare(ca);
		List<String> command = new ArrayList<>(List.of("openssl", "ca", "-batch", "-config", "ca.cnf", "-notext", "-out",
				"issued.pem", "-infiles"));
		for (int i = 0; i < requests.size(); i++) {
			Path f = ca.resolve("req" + i + ".pem");
			Files.writeString(f, "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(requests.get(i))
					+ "\n-----END CERTIFICATE REQUEST-----\n");
			command.add(f.getFileName().toString());
		}
		Peer.Run r = Peer.time(ca, command);
		return requests.size() / r.seconds();
	}
}
