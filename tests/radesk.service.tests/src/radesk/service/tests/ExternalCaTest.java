package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.SubscriberRa;
import radesk.api.staff.FormDesk;
import radesk.api.staff.SuspensionDesk;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.client.RaClient;
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;
import radesk.core.review.Decision;
import radesk.core.review.FormState;
import radesk.core.revocation.RevocationReason;
import radesk.testing.SoftHsm;

/**
 * The certificate authority of the operator's choice over CMP ({@code ca/cmp.properties}), with
 * OpenSSL's own CMP server ({@code openssl cmp -port}) as that CA, through the same flows on a
 * SoftHSM2 card: 憑證申請 is an {@code ir} the RA vouches for, confirmed; 憑證展期 a {@code kur}
 * signed with the old key on the card; a hold, its release and 憑證廢止 are {@code rr}s, and the
 * CA's refusal leaves the records as they were. The RA's own CRL lists none of that CA's
 * certificates. (OpenSSL 3.0's mock hands out its one configured certificate for any request,
 * and takes a kur only for a certificate of that same serial: see the renewal below.)
 */
class ExternalCaTest {

	private static Path pki;
	private static final java.util.concurrent.atomic.AtomicInteger STARTS = new java.util.concurrent.atomic.AtomicInteger();
	private static final Path CA_FOLDER = Path.of(System.getProperty("radesk.data"), "ca");

	@BeforeAll
	static void mockCa() throws Exception {
		SoftHsm.demoCardSerial();
		pki = Files.createTempDirectory("external-ca");
		SoftHsm.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
				pki.resolve("ca.key").toString(), "-out", pki.resolve("ca.crt").toString(), "-days", "30", "-subj",
				"/CN=External Issuing CA/O=Test");
		Files.writeString(pki.resolve("ee.ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n");
	}

	@AfterEach
	void embeddedAgain() throws Exception {
		Files.deleteIfExists(CA_FOLDER.resolve("cmp.properties"));
		Files.deleteIfExists(CA_FOLDER.resolve("cmp.secret"));
		Files.deleteIfExists(CA_FOLDER.resolve("cmp-ca.crt"));
	}

	/** {@code openssl cmp} as the CA, answering {@code certificate}, and the RA's settings pointing at it. */
	private record MockCa(Process process, int port, Path log) implements AutoCloseable {

		static MockCa start(Path certificate, String... extra) throws Exception {
			int port;
			try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
				port = free.getLocalPort();
			}
			List<String> command = new ArrayList<>(List.of("openssl", "cmp", "-port", String.valueOf(port), "-srv_ref", "srv",
					"-srv_secret", "pass:Ra-Secret-7", "-srv_cert", pki.resolve("ca.crt").toString(), "-srv_key",
					pki.resolve("ca.key").toString(), "-srv_trusted", pki.resolve("ca.crt").toString(), "-accept_raverified",
					"-rsp_cert", certificate.toString()));
			command.addAll(List.of(extra));
			Path log = pki.resolve("mock-" + port + ".log");
			Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			Files.writeString(CA_FOLDER.resolve("cmp.secret"), "Ra-Secret-7\n");
			Files.copy(pki.resolve("ca.crt"), CA_FOLDER.resolve("cmp-ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(CA_FOLDER.resolve("cmp.properties"), "url = http://127.0.0.1:" + port + "/pkix/\nprotection = secret\n"
					+ "reference = ra-desk\nsecret.file = cmp.secret\nresponder = cmp-ca.crt\npolls = 3\n"
					+ "crl.url = http://ca.example.tw/crl/issuing.crl\nocsp.url = http://ca.example.tw/ocsp\n");
			// a new file time for each mock, so the RA reads the settings again
			Files.setLastModifiedTime(CA_FOLDER.resolve("cmp.properties"),
					java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(STARTS.incrementAndGet())));
			for (int i = 0; i < 100; i++) {
				try (Socket s = new Socket("127.0.0.1", port)) {
					return new MockCa(p, port, log);
				} catch (java.io.IOException notYet) {
					Thread.sleep(50);
				}
			}
			p.destroyForcibly();
			throw new AssertionError("openssl cmp did not listen: " + Files.readString(log));
		}

		long requests() throws Exception {
			return Files.readAllLines(log).stream().filter(l -> l.contains("Received request")).count();
		}

		@Override
		public void close() throws Exception {
			process.destroy();
			process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** A key made on the card by hand: the edition's flow takes an uncertified key it finds there. */
	private static PublicKey keyOnCard(Journey j) throws Exception {
		try (CardSession card = Services.await(CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
			return card.generateKey(KeyKind.EC_P256).publicKey();
		}
	}

	/** What the mock CA hands out: a certificate it signed for {@code key}. */
	private static Path certificateFor(PublicKey key, String serial) throws Exception {
		Path pub = pki.resolve(serial + "-" + System.nanoTime() + ".pub");
		Files.writeString(pub, "-----BEGIN PUBLIC KEY-----\n"
				+ java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n");
		Path out = Path.of(pub.toString().replace(".pub", ".crt"));
		SoftHsm.run("openssl", "x509", "-new", "-subj", "/C=TW/O=Test/CN=王小明", "-force_pubkey", pub.toString(), "-CA",
				pki.resolve("ca.crt").toString(), "-CAkey", pki.resolve("ca.key").toString(), "-set_serial", serial, "-days", "400",
				"-extfile", pki.resolve("ee.ext").toString(), "-out", out.toString());
		return out;
	}

	private static X509Certificate read(Path pem) throws Exception {
		try (InputStream in = Files.newInputStream(pem)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	private static CertificateState state(RaClient me, String serial) throws Exception {
		return me.certificates().stream().filter(c -> c.serial().equals(serial)).findFirst().orElseThrow().state();
	}

	@Test
	void theExternalCaIssuesRenewsHoldsAndRevokesThroughTheSameFlows() throws Exception {
		Journey j = Journey.toCardInHand();
		RaClient me = SubscriberEdition.logIn(j);

		// 憑證申請: an ir the RA vouches for (it checked the card's own request), confirmed; onto the card as ever
		Path issued = certificateFor(keyOnCard(j), "0x5a1701");
		SubscriberRa.Certificate cert;
		try (MockCa ca = MockCa.start(issued)) {
			cert = SubscriberEdition.apply(me, j, KeyKind.EC_P256);
			assertEquals(2, ca.requests(), "ir and certConf");
		}
		assertArrayEquals(read(issued).getEncoded(), cert.x509().getEncoded(), "the external CA's certificate");
		assertEquals(CertificateState.ON_CARD, cert.state());
		java.math.BigInteger serial = cert.x509().getSerialNumber();
		assertTrue(Services.await(CardTerminal.class).certificates(j.card.serial()).stream()
				.anyMatch(x -> x.getSerialNumber().equals(serial)), "on the card");

		// 憑證展期: the kur, signed with the old key on the card, is taken by the CA; the mock answers with a certificate of the
		// old one's serial (its limit), which the RA refuses in the confirmation: nothing recorded, the old one still in use
		RenewalTest.endsIn(j, Duration.ofDays(20));
		Path renewed = certificateFor(keyOnCard(j), "0x5a1701");
		try (MockCa ca = MockCa.start(renewed)) {
			SubscriberRa.Refused refused = assertThrows(SubscriberRa.Refused.class, () -> RenewalTest.renew(me, j, cert.serial()));
			assertEquals("CA_REFUSED", refused.code);
			String log = Files.readString(ca.log());
			assertEquals(2, ca.requests(), "the kur the CA took, and the RA's certConf refusing the answer: " + log);
			assertFalse(log.contains("error"), "the CA found nothing wrong with the kur the card signed: " + log);
		}
		assertEquals(CertificateState.ON_CARD, state(me, cert.serial()));
		assertEquals(1, me.certificates().size(), "no second certificate recorded");

		// a hold and its release are rr's the CA answers; refused there, nothing changes here
		SuspensionDesk holds = Services.await(SuspensionDesk.class);
		try (MockCa ca = MockCa.start(issued, "-pkistatus", "2", "-failure", "2", "-statusstring", "not today")) {
			assertEquals(Reason.CA_REFUSED, assertThrows(ServiceException.class, () -> holds.suspend(Staff.CLERK, cert.identifier(), ""))
					.reason());
			assertEquals(CertificateState.ON_CARD, state(me, cert.serial()));
		}
		try (MockCa ca = MockCa.start(issued)) {
			holds.suspend(Staff.CLERK, cert.identifier(), "reported lost by phone");
			assertEquals(CertificateState.SUSPENDED, state(SubscriberEdition.logIn(j), cert.serial()));
			holds.resume(Staff.OFFICER, cert.identifier(), "found");
			assertEquals(2, ca.requests(), "the hold and the release");
		}
		RaClient again = SubscriberEdition.logIn(j);
		assertEquals(CertificateState.ON_CARD, state(again, cert.serial()));

		// 憑證廢止: the CA's refusal leaves the form in review and the certificate in use; then it is revoked there and here
		FormDesk forms = Services.await(FormDesk.class);
		long formId = forms.submitRevocation(Staff.MAILROOM, cert.identifier(), RevocationReason.KEY_EXPOSED, "key exposed");
		try (MockCa ca = MockCa.start(issued, "-pkistatus", "2", "-failure", "2", "-statusstring", "not today")) {
			assertEquals(Reason.CA_REFUSED,
					assertThrows(ServiceException.class, () -> forms.decide(Staff.OFFICER, formId, Decision.approve())).reason());
		}
		assertTrue(forms.forms(Staff.OFFICER, FormState.IN_REVIEW).stream().anyMatch(f -> f.id() == formId), "still in review");
		assertEquals(CertificateState.ON_CARD, state(again, cert.serial()));
		try (MockCa ca = MockCa.start(issued)) {
			forms.decide(Staff.OFFICER, formId, Decision.approve());
			assertEquals(1, ca.requests(), "the rr");
		}
		assertEquals(CertificateState.REVOKED, Services.await(radesk.api.CertificateDesk.class)
				.certificates(Services.await(radesk.api.AccountDesk.class).logIn(j.subscriber.account(), j.password.toCharArray(), "pc"))
				.stream().filter(c -> c.serial().equals(cert.serial())).findFirst().orElseThrow().state());

		// the RA's own CRL (openssl reads it) lists nothing the external CA signed: that CA publishes its status itself
		Path crl = Path.of(System.getProperty("radesk.data"), "publish", "radesk-issuing.crl");
		String text = SoftHsm.run("openssl", "crl", "-inform", "DER", "-in", crl.toString(), "-noout", "-text");
		assertFalse(text.toUpperCase().contains("5A1701"), text);
	}
}
