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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import radesk.store.Requests;
import radesk.store.Subscribers;

/**
 * Issuing N certificates the way the RA does — request checked, certificate signed, record
 * committed — against openssl's raw signing rate for the CA's key type (the ceiling) and against
 * {@code openssl ca -batch} issuing the same requests.
 */
final class IssuanceBench {

	private final Path dir;
	private final EmbeddedCa ca;
	private final EmbeddedCa inMemory;
	private final Database db;

	/** {@code ca}: the RA's, its key on its token; {@code inMemory}: the same CA with its key in memory, for comparison. */
	IssuanceBench(Path dir, EmbeddedCa ca, EmbeddedCa inMemory, Database db) {
		this.dir = dir;
		this.ca = ca;
		this.inMemory = inMemory;
		this.db = db;
	}

	void run(String keyType, int n) throws Exception {
		List<byte[]> requests = requests(keyType, n);
		long subscriber = subscriber();
		issueAll(requests.subList(0, Math.min(200, n)), subscriber); // the JIT's warm-up, not timed
		long start = System.nanoTime();
		issueAll(requests, subscriber);
		double ours = n / ((System.nanoTime() - start) / 1e9);
		long signStart = System.nanoTime();
		for (byte[] request : requests) {
			ca.issue(CsrInspector.inspect(request), new CertificateSubject("壓力測試", "HQ", "b@example.tw", "PB"), Instant.now());
		}
		double signOnly = n / ((System.nanoTime() - signStart) / 1e9);
		long memoryStart = System.nanoTime();
		for (byte[] request : requests) {
			inMemory.issue(CsrInspector.inspect(request), new CertificateSubject("壓力測試", "HQ", "b@example.tw", "PB"), Instant.now());
		}
		double memoryOnly = n / ((System.nanoTime() - memoryStart) / 1e9);

		double raw = opensslSignRate();
		double opensslCa = opensslCaRate(requests);
		Report.ratio("issue " + n + " " + keyType + " requests (check + sign + record)", ours, "openssl speed ecdsap256 sign", raw,
				"/s", ">= 0.70");
		Report.ratio("issue " + n + " " + keyType + " requests (check + sign + record)", ours, "openssl ca -batch", opensslCa, "/s",
				">= 3.00");
		Report.detail("  the same without the record (check + sign on the CA's token)", signOnly, "openssl speed ecdsap256 sign", raw, "/s");
		Report.detail("  check + sign with the CA's key in memory (no token)", memoryOnly, "openssl speed ecdsap256 sign", raw, "/s");
	}

	private void issueAll(List<byte[]> requests, long subscriber) throws Exception {
		int i = 0;
		for (byte[] request : requests) {
			var checked = CsrInspector.inspect(request);
			int number = i++;
			db.inTransaction((Connection c) -> {
				X509Certificate cert = ca.issue(checked,
						new CertificateSubject("壓力測試 " + number, "HQ", "bench@example.tw", "PBENCH" + number), Instant.now());
				// as the service records it: the key looked up by its hash (one key, one certificate), then the row;
				// the bench signs with 16 keys over and over (making thousands is not what it measures), so the
				// look-up's answer is ignored here and only its cost counted
				String keyHash = radesk.core.Sha256.hex(checked.publicKey().getEncoded());
				Certificates.ofKey(c, keyHash);
				Certificates.insert(c, new CertificateRow(HexFormat.of().formatHex(cert.getSerialNumber().toByteArray()),
						"B" + System.nanoTime(), subscriber, null, null, CertificateState.ISSUED_NOT_ON_CARD,
						cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), cert.getEncoded(), 0), keyHash);
				return null;
			});
		}
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
