package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import radesk.api.AccountDesk;
import radesk.api.staff.AuditTrail;
import radesk.api.staff.CardDesk;
import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.api.CertificateDesk;
import radesk.api.IssuedCertificate;
import radesk.api.staff.NewCard;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.access.Actor;
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;
import radesk.store.Database;
import radesk.testing.SoftHsm;

/**
 * kill -9 at every step of a certificate application and of a card personalization; the next
 * attempt completes, and afterwards records and card agree: one certificate, on the card, next to
 * its one key, and an intact audit trail.
 */
class CrashTest {

	@BeforeAll
	static void tokens() throws Exception {
		SoftHsm.demoCardSerial();
	}

	@ParameterizedTest(name = "killed at {0}")
	@ValueSource(strings = { "apply.key-generated", "apply.key-recorded", "apply.issued", "apply.on-card" })
	void anApplicationKilledAtAnyStepIsCompletedByTheNextAttempt(String checkpoint) throws Exception {
		Journey j = Journey.toCardInHand();
		Services.stopRa();
		try {
			ChildProcess.killAt(checkpoint, "apply", j.subscriber.account(), j.password, j.card.serial(), j.pin);
		} finally {
			Services.startRa();
		}
		Actor me = Services.await(AccountDesk.class).logIn(j.subscriber.account(), j.password.toCharArray(), "pc");
		IssuedCertificate cert = Services.await(CertificateDesk.class).apply(me, j.card.serial(), j.pin.toCharArray(),
				KeyKind.EC_P256);
		assertConsistent(j, me, cert);
	}

	@Test
	void anApplicationKilledAfterIssuingCanBeFinishedByADownload() throws Exception {
		Journey j = Journey.toCardInHand();
		Services.stopRa();
		try {
			ChildProcess.killAt("apply.issued", "apply", j.subscriber.account(), j.password, j.card.serial(), j.pin);
		} finally {
			Services.startRa();
		}
		Actor me = Services.await(AccountDesk.class).logIn(j.subscriber.account(), j.password.toCharArray(), "pc");
		List<IssuedCertificate> pending = Services.await(CertificateDesk.class).certificates(me);
		assertEquals(1, pending.size());
		assertEquals(CertificateState.ISSUED_NOT_ON_CARD, pending.get(0).state(), "憑證下載 is waiting");
		IssuedCertificate cert = Services.await(CertificateDesk.class).download(me, pending.get(0).serial(), j.card.serial(),
				j.pin.toCharArray());
		assertConsistent(j, me, cert);
	}

	@ParameterizedTest(name = "pulled at {0}")
	@ValueSource(strings = { "apply.key-recorded", "apply.issued" })
	void aCardPulledMidApplicationIsReportedAndTheNextAttemptCompletes(String checkpoint) throws Exception {
		Journey j = Journey.toCardInHand();
		Path tokens = Path.of(System.getenv("SOFTHSM2_CONF")).resolveSibling("tokens");
		Path pulled = tokens.resolveSibling("tokens-pulled");
		ChildProcess.Result r;
		Services.stopRa();
		try {
			r = ChildProcess.interruptAt(checkpoint, () -> move(tokens, pulled), "apply", j.subscriber.account(), j.password,
					j.card.serial(), j.pin);
		} finally {
			move(pulled, tokens);
			Services.startRa();
		}
		assertEquals(3, r.exit(), r.output());
		assertTrue(r.output().contains("REFUSED CARD/CARD_REMOVED"), r.output());
		Actor me = Services.await(AccountDesk.class).logIn(j.subscriber.account(), j.password.toCharArray(), "pc");
		IssuedCertificate cert = Services.await(CertificateDesk.class).apply(me, j.card.serial(), j.pin.toCharArray(),
				KeyKind.EC_P256);
		assertConsistent(j, me, cert);
	}

	private static void move(Path from, Path to) {
		try {
			if (Files.exists(from)) {
				Files.move(from, to);
			}
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static void assertConsistent(Journey j, Actor me, IssuedCertificate cert) throws Exception {
		assertEquals(CertificateState.ON_CARD, cert.state());
		List<IssuedCertificate> recorded = Services.await(CertificateDesk.class).certificates(me);
		assertEquals(List.of(cert.serial()), recorded.stream().map(IssuedCertificate::serial).toList(),
				"exactly one certificate was issued and recorded");
		try (CardSession card = Services.await(CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
			assertEquals(1, card.certificates().size(), "the card holds that one certificate");
			assertTrue(java.util.Arrays.equals(cert.der(), card.certificates().get(0).getEncoded()));
			assertEquals(1, card.keys().size(), "no stray key is left on the card");
		}
		assertEquals(0, rows("select count(*) from application_step where card_serial = '" + j.card.serial() + "'"));
		assertTrue(Services.await(AuditTrail.class).firstBroken(Staff.ADMIN).isEmpty());
	}

	private static long rows(String sql) throws Exception {
		try (Connection c = Services.await(Database.class).connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	@ParameterizedTest(name = "killed at {0}")
	@ValueSource(strings = { "personalize.recorded", "personalize.on-card" })
	void aPersonalizationKilledMidWayIsFinishedWithTheSameCard(String checkpoint) throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		long slot = Journey.blankSlot();
		Services.stopRa();
		try {
			ChildProcess.killAt(checkpoint, "personalize", Long.toString(j.subscriber.subscriberId()), Long.toString(slot));
		} finally {
			Services.startRa();
		}
		long cardCount = rows("select count(*) from card where subscriber_id = " + j.subscriber.subscriberId());
		assertEquals(1, cardCount, "the card was recorded before it was touched");
		String serial = singleString("select serial from card where subscriber_id = " + j.subscriber.subscriberId());
		long retrySlot = slotOf(serial);
		NewCard card = Journey.personalize(j.subscriber.subscriberId(), retrySlot);
		assertEquals(serial, card.serial(), "the same card was finished, not a second one started");
		assertEquals(3, Services.await(CardTerminal.class).verifyPin(serial, card.pin()));
		assertEquals("PERSONALIZED", singleString("select state from card where serial = '" + serial + "'"));
		assertTrue(Services.await(AuditTrail.class).firstBroken(Staff.ADMIN).isEmpty());
	}

	/** Where the half-made card is now: its own slot if it got its label, else the blank slot it still is. */
	private static long slotOf(String serial) throws Exception {
		List<CardSlot> slots = Services.await(CardReaders.class).slots();
		return slots.stream().filter(s -> s.tokenLabel().equals(serial)).map(CardSlot::slotId).findFirst()
				.orElse(slots.stream().filter(s -> s.cardPresent() && !s.initialized()).map(CardSlot::slotId).findFirst().orElseThrow());
	}

	private static String singleString(String sql) throws Exception {
		try (Connection c = Services.await(Database.class).connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}
}
