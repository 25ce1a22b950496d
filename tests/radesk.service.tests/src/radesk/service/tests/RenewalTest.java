package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.SubscriberRa;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.client.RaClient;
import radesk.core.card.CardBinding;
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;
import radesk.flows.RenewCertificate;
import radesk.pki.CsrBuilder;
import radesk.store.Database;
import radesk.testing.SoftHsm;

/**
 * 憑證展期 over HTTPS with the card (SoftHSM2): a new key on the same card, the request signed by it,
 * the renewal text signed by the card and by the old certificate's key; before the window or after
 * expiry refused in words; the old certificate superseded only once the new one is on the card; a
 * renewal issued but not written is finished by the next attempt, never issued twice; the same key
 * never certified again.
 */
class RenewalTest {

	@BeforeAll
	static void connect() throws Exception {
		SoftHsm.demoCardSerial();
		ServerApiTest.connect();
	}

	static void endsIn(Journey j, Duration left) throws Exception {
		Services.await(Database.class).inTransaction((Connection c) -> {
			try (var ps = c.prepareStatement("update certificate set not_after = ? where subscriber_id = ? and state = 'ON_CARD'")) {
				ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now().plus(left)));
				ps.setLong(2, j.subscriber.subscriberId());
				ps.executeUpdate();
			}
			return null;
		});
	}

	static RenewCertificate.Outcome renew(RaClient me, Journey j, String oldSerial) throws Exception {
		return new RenewCertificate(me, Services.await(CardTerminal.class)).run(j.card.serial(), oldSerial, j.pin.toCharArray(),
				j.pin.toCharArray(), KeyKind.EC_P256, step -> {
				});
	}

	@Test
	void aCertificateIsRenewedOnItsCardOnlyWithinItsWindow() throws Exception {
		Journey j = Journey.toCardInHand();
		RaClient me = SubscriberEdition.logIn(j);
		SubscriberRa.Certificate old = SubscriberEdition.apply(me, j, KeyKind.EC_P256);

		SubscriberRa.Refused early = assertThrows(SubscriberRa.Refused.class, () -> renew(me, j, old.serial()));
		assertEquals("RENEWAL_NOT_OPEN", early.code, "two years left: the window opens a month before the end");

		endsIn(j, Duration.ofDays(20));
		RenewCertificate.Outcome renewed = renew(me, j, old.serial());
		assertFalse(renewed.resumed());
		assertNotEquals(old.serial(), renewed.certificate().serial());
		assertEquals(CertificateState.ON_CARD, renewed.certificate().state());
		assertFalse(Arrays.equals(old.x509().getPublicKey().getEncoded(), renewed.certificate().x509().getPublicKey().getEncoded()),
				"a new key");
		List<SubscriberRa.Certificate> now = me.certificates();
		assertEquals(CertificateState.SUPERSEDED, now.stream().filter(c -> c.serial().equals(old.serial())).findFirst().orElseThrow().state(),
				"the old one superseded once the new one is on the card");
		List<java.security.cert.X509Certificate> onCard = Services.await(CardTerminal.class).certificates(j.card.serial());
		java.math.BigInteger newSerial = renewed.certificate().x509().getSerialNumber();
		assertTrue(onCard.stream().anyMatch(x -> x.getSerialNumber().equals(newSerial)), "the new certificate is on the card");

		// the old certificate, superseded, renews nothing any more
		assertEquals("WRONG_STATE", assertThrows(SubscriberRa.Refused.class, () -> renew(me, j, old.serial())).code);
	}

	/**
	 * A renewal request made by hand on the card (not through the edition's flow): a new key, its
	 * request, the renewal text signed by the card's authentication key and by {@code signer} (the old
	 * certificate's key, or another to try the RA). Sent; the new key is deleted again unless kept.
	 */
	private static SubscriberRa.Certificate byHand(RaClient me, Journey j, SubscriberRa.Certificate old, boolean byOldKey, boolean keep)
			throws Exception {
		try (CardSession card = Services.await(CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
			var fresh = card.generateKey(KeyKind.EC_P256);
			try {
				byte[] csr = CsrBuilder.build(fresh.publicKey(), j.subscriber.account(), (alg, data) -> card.sign(fresh, alg, data));
				byte[] challenge = me.challenge();
				byte[] message = CardBinding.message(CardBinding.Purpose.RENEWAL, j.subscriber.account(), j.card.serial(), challenge, csr);
				byte[] binding = card.sign(card.authenticationKey().orElseThrow(), CardBinding.ALGORITHM, message);
				radesk.pki.KeyUpdateRequest update = radesk.pki.KeyUpdateRequest.of(old.x509(), fresh.publicKey(), challenge);
				byte[] signature = card.sign(byOldKey ? card.keyFor(old.x509().getPublicKey()).orElseThrow() : fresh,
						update.signatureAlgorithm(), update.toBeSigned());
				return me.renew(old.serial(), j.card.serial(), fresh.idHex(), csr, challenge, binding, signature);
			} finally {
				if (!keep) {
					card.deleteKey(fresh);
				}
			}
		}
	}

	@Test
	void afterExpiryOnlyANewRegistrationAndTheOldKeyMustSign() throws Exception {
		Journey j = Journey.toCardInHand();
		RaClient me = SubscriberEdition.logIn(j);
		SubscriberRa.Certificate old = SubscriberEdition.apply(me, j, KeyKind.EC_P256);
		endsIn(j, Duration.ofDays(10));

		// the renewal text signed by the card, but not by the old key (another key of the card signs instead)
		assertEquals("SIGNATURE_INVALID", assertThrows(SubscriberRa.Refused.class, () -> byHand(me, j, old, false, false)).code);

		endsIn(j, Duration.ofDays(-1));
		SubscriberRa.Refused expired = assertThrows(SubscriberRa.Refused.class, () -> renew(me, j, old.serial()));
		assertEquals("CERTIFICATE_EXPIRED", expired.code, "after expiry: register again at the RA");
		// the RA says so too, to a request made without the edition's own check
		assertEquals("CERTIFICATE_EXPIRED", assertThrows(SubscriberRa.Refused.class, () -> byHand(me, j, old, true, false)).code);
	}

	@Test
	void aRenewalIssuedButNeverWrittenIsFinishedByTheNextAttempt() throws Exception {
		Journey j = Journey.toCardInHand();
		RaClient me = SubscriberEdition.logIn(j);
		SubscriberRa.Certificate old = SubscriberEdition.apply(me, j, KeyKind.EC_P256);
		endsIn(j, Duration.ofDays(5));
		// the first attempt got as far as the RA's answer (the card pulled before it was written)
		SubscriberRa.Certificate issued = byHand(me, j, old, true, true);
		assertEquals(CertificateState.ISSUED_NOT_ON_CARD, issued.state());
		assertEquals(CertificateState.ON_CARD, me.certificates().stream().filter(c -> c.serial().equals(old.serial())).findFirst()
				.orElseThrow().state(), "a half-done renewal leaves the old certificate working");

		RenewCertificate.Outcome finished = renew(me, j, old.serial());
		assertTrue(finished.resumed());
		assertEquals(issued.serial(), finished.certificate().serial(), "the same certificate, not a second one");
		long active = me.certificates().stream().filter(c -> c.state() == CertificateState.ON_CARD).count();
		assertEquals(1, active, "exactly one active certificate on the card");
	}

	/** The subscriber edition's process killed (kill -9) at each step of 憑證展期: the next attempt completes, nothing twice. */
	@org.junit.jupiter.params.ParameterizedTest(name = "killed at {0}")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "subscriber.renew.key-generated", "subscriber.renew.issued",
			"subscriber.apply.on-card" })
	void aRenewalKilledAtAnyStepIsCompletedByTheNextAttempt(String checkpoint) throws Exception {
		Journey j = Journey.toCardInHand();
		RaClient me = SubscriberEdition.logIn(j);
		SubscriberRa.Certificate old = SubscriberEdition.apply(me, j, KeyKind.EC_P256);
		endsIn(j, Duration.ofDays(15));
		ChildProcess.killAt(checkpoint, "renew", SubscriberEdition.address(), j.subscriber.account(), j.password, j.card.serial(), j.pin,
				old.serial());
		RaClient again = SubscriberEdition.logIn(j);
		RenewCertificate.Outcome done = renew(again, j, old.serial());
		assertTrue(done.resumed(), "the cut-off attempt's key or certificate was taken up, not made anew: " + checkpoint);
		assertRenewedOnce(again, j, old);
		assertTrue(Services.await(radesk.api.staff.AuditTrail.class).firstBroken(Staff.ADMIN).isEmpty());
	}

	/** One renewal issued, not two: exactly one active certificate, the old one superseded, two keys and two certificates on the card. */
	static void assertRenewedOnce(RaClient me, Journey j, SubscriberRa.Certificate old) throws Exception {
		List<SubscriberRa.Certificate> mine = me.certificates();
		assertEquals(2, mine.size(), "one renewal issued, not two: " + mine.stream().map(c -> c.identifier() + " " + c.state()).toList());
		assertEquals(1, mine.stream().filter(c -> c.state() == CertificateState.ON_CARD).count(), "exactly one active certificate");
		assertEquals(CertificateState.SUPERSEDED, mine.stream().filter(c -> c.serial().equals(old.serial())).findFirst().orElseThrow().state());
		try (CardSession card = Services.await(CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
			assertEquals(2, card.keys().size(), "the old key and the new one, no stray key");
			assertEquals(2, card.certificates().size(), "the old certificate and the new one");
		}
	}
}
