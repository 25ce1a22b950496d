package radesk.service.tests;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import radesk.core.certificate.CertificateState;
import radesk.core.registration.Channel;
import radesk.core.registration.RequestState;
import radesk.core.registration.WalkInForm;
import radesk.pki.CaProfile;
import radesk.pki.CertificateSubject;
import radesk.pki.CheckedCsr;
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
 * The crash child's concurrent issuance ({@link CrashChild} {@code issuing}): threads that each
 * check a request, have the CA sign it and hand its record to one group writer, as the RA's
 * issuance does, printing {@code HANDED <serial>} only once the commit holding the record returned
 * — the moment the RA hands a certificate out. It runs until killed.
 */
final class IssuingLoad {

	private IssuingLoad() {
	}

	static void run(Database db, Path caFolder, int threads) throws Exception {
		EmbeddedCa ca = EmbeddedCa.open(caFolder, CaProfile.demo(() -> "http://pki.example.tw"));
		long subscriber = db.inTransaction((Connection c) -> {
			long request = Requests.insert(c, new WalkInForm("併發測試", "A1" + String.format("%08d", System.nanoTime() % 100_000_000L),
					"load@example.tw", "HQ"), Channel.COUNTER, RequestState.APPROVED, "crash", "crash", Instant.now());
			return Subscribers.insert(c, Requests.find(c, request).orElseThrow(), "load" + System.nanoTime() % 1_000_000,
					"PL" + System.nanoTime(), "-", Instant.now());
		});
		PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.US_ASCII);
		GroupCommit records = new GroupCommit(db, "certificate records", 256);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		for (int t = 0; t < threads; t++) {
			pool.submit(() -> {
				KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
				g.initialize(new ECGenParameterSpec("secp256r1"));
				while (true) {
					KeyPair kp = g.generateKeyPair();
					CheckedCsr csr = CsrInspector.inspect(CsrBuilder.build(kp.getPublic(), "load", (alg, data) -> {
						Signature s = Signature.getInstance(alg);
						s.initSign(kp.getPrivate());
						s.update(data);
						return s.sign();
					}));
					X509Certificate cert = ca.issue(csr, new CertificateSubject("併發測試", "HQ", null, "PL"), Instant.now());
					String serial = HexFormat.of().formatHex(cert.getSerialNumber().toByteArray());
					String keyHash = radesk.core.Sha256.hex(csr.publicKey().getEncoded());
					records.write((Connection c) -> {
						Certificates.insert(c, new CertificateRow(serial, "L" + serial.substring(0, 12), subscriber, null, null,
								CertificateState.ISSUED_NOT_ON_CARD, cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(),
								cert.getEncoded(), 0), keyHash);
						return null;
					});
					synchronized (out) {
						out.println("HANDED " + serial);
						out.flush();
					}
				}
			});
		}
		Thread.sleep(Long.MAX_VALUE);
	}
}
