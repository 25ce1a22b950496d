package radesk.service.tests;

import radesk.api.SubscriberRa;
import radesk.flows.ApplyForCertificate;

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

	/** The subscriber edition's process killed (kill -9) at each step of 憑證申請 over HTTPS: the next attempt completes. */
	@ParameterizedTest(name = "killed at {0}")
	@ValueSource(strings = { "subscriber.apply.key-generated", "subscriber.apply.issued", "subscriber.apply.on-card" })
	void anApplicationKilledAtAnyStepIsCompletedByTheNextAttempt(String checkpoint) throws Exception {
		Journey j = Journey.toCardInHand();
		ChildProcess.killAt(checkpoint, "apply", SubscriberEdition.address(), j.subscriber.account(), j.password, j.card.serial(),
				j.pin);
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		ApplyForCertificate.Outcome again = SubscriberEdition.apply(me, j.card.serial(), j.pin, KeyKind.EC_P256);
		assertTrue(again.resumed(), "the cut-off attempt's key or certificate was taken up, not made anew");
		assertConsistent(j, me, again.certificate());
	}

	@Test
	void anApplicationKilledAfterIssuingCanBeFinishedByADownload() throws Exception {
		Journey j = Journey.toCardInHand();
		ChildProcess.killAt("subscriber.apply.issued", "apply", SubscriberEdition.address(), j.subscriber.account(), j.password,
				j.card.serial(), j.pin);
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		List<SubscriberRa.Certificate> pending = me.certificates();
		assertEquals(1, pending.size());
		assertEquals(CertificateState.ISSUED_NOT_ON_CARD, pending.get(0).state(), "憑證下載 is waiting");
		assertConsistent(j, me, SubscriberEdition.download(me, j.card.serial(), j.pin, pending.get(0)));
	}

	/**
	 * The RA server's process killed (kill -9) at each step of 憑證申請 that changes its records:
	 * inside the transaction (nothing recorded) and after it (the answer lost). The subscriber
	 * edition is told the server did not answer; against the restarted server the next attempt
	 * completes — or, where the last step was recorded before the kill, there is nothing left to do.
	 */
	@ParameterizedTest(name = "server killed at {0}")
	@ValueSource(strings = { "ra.apply.recording", "ra.apply.recorded", "ra.confirm.recording", "ra.confirm.recorded" })
	void anApplicationWhoseServerIsKilledAtAnyStepIsCompletedByTheNextAttempt(String checkpoint) throws Exception {
		Journey j = Journey.toCardInHand();
		serverKilledAt(checkpoint, me -> SubscriberEdition.apply(me, j.card.serial(), j.pin, KeyKind.EC_P256), j);
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		if (checkpoint.equals("ra.confirm.recorded")) {
			assertConsistent(j, me, me.certificates().get(0));
			return;
		}
		ApplyForCertificate.Outcome again = SubscriberEdition.apply(me, j.card.serial(), j.pin, KeyKind.EC_P256);
		assertTrue(again.resumed(), "the cut-off attempt's key or certificate was taken up, not made anew");
		assertConsistent(j, me, again.certificate());
	}

	/** The same for 憑證下載 of a certificate issued but never written: the server killed as it records the card's proof. */
	@ParameterizedTest(name = "server killed at {0}")
	@ValueSource(strings = { "ra.confirm.recording", "ra.confirm.recorded" })
	void aDownloadWhoseServerIsKilledIsCompletedByTheNextAttempt(String checkpoint) throws Exception {
		Journey j = Journey.toCardInHand();
		ChildProcess.killAt("subscriber.apply.issued", "apply", SubscriberEdition.address(), j.subscriber.account(), j.password,
				j.card.serial(), j.pin);
		serverKilledAt(checkpoint, me -> SubscriberEdition.download(me, j.card.serial(), j.pin, me.certificates().get(0)), j);
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		SubscriberRa.Certificate cert = me.certificates().get(0);
		if (!checkpoint.equals("ra.confirm.recorded")) {
			assertEquals(CertificateState.ISSUED_NOT_ON_CARD, cert.state(), "the card's proof was not recorded");
			cert = SubscriberEdition.download(me, j.card.serial(), j.pin, cert);
		}
		assertConsistent(j, me, cert);
	}

	/**
	 * 憑證展期 whose server is killed once it has recorded the renewal (the new certificate issued, its
	 * answer lost): the subscriber edition is told the server did not answer; the next attempt takes
	 * up the same key and certificate, and the card ends with exactly one active certificate.
	 */
	@Test
	void aRenewalWhoseServerIsKilledAfterRecordingIsCompletedByTheNextAttempt() throws Exception {
		Journey j = Journey.toCardInHand();
		radesk.client.RaClient first = SubscriberEdition.logIn(j);
		SubscriberRa.Certificate old = SubscriberEdition.apply(first, j, KeyKind.EC_P256);
		RenewalTest.endsIn(j, java.time.Duration.ofDays(15));
		serverKilledAt("ra.renew.recorded", me -> RenewalTest.renew(me, j, old.serial()), j);
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		radesk.flows.RenewCertificate.Outcome done = RenewalTest.renew(me, j, old.serial());
		assertTrue(done.resumed(), "the recorded renewal was taken up, not made anew");
		RenewalTest.assertRenewedOnce(me, j, old);
	}

	interface Attempt {
		Object run(radesk.client.RaClient me) throws Exception;
	}

	/**
	 * Stops this runtime's RA, runs the RA server in a child process, makes the subscriber's
	 * attempt against it, kills the server where the attempt's request reaches the checkpoint,
	 * checks that the subscriber edition failed with "no answer", and starts this runtime's RA again.
	 */
	private static void serverKilledAt(String checkpoint, Attempt attempt, Journey j) throws Exception {
		Services.stopRa();
		java.util.concurrent.ExecutorService subscriber = java.util.concurrent.Executors.newSingleThreadExecutor();
		try (ChildProcess.Server server = ChildProcess.server(checkpoint)) {
			radesk.client.RaClient me = new radesk.client.RaClient(server.address(), SubscriberEdition.root());
			String[] captcha = CrashChild.disclosedCaptcha(server.address());
			me.logIn(j.subscriber.account(), j.password.toCharArray(), captcha[0], captcha[1]);
			java.util.concurrent.Future<Object> running = subscriber.submit(() -> attempt.run(me));
			server.killAtCheckpoint();
			java.util.concurrent.ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
					java.util.concurrent.ExecutionException.class, () -> running.get(60, java.util.concurrent.TimeUnit.SECONDS));
			assertTrue(failed.getCause() instanceof java.io.IOException, "no answer from the server: " + failed.getCause());
		} finally {
			subscriber.shutdownNow();
			Services.startRa();
		}
	}

	/** The card pulled at each step of 憑證申請: the subscriber edition says so, and the next attempt completes. */
	@ParameterizedTest(name = "pulled at {0}")
	@ValueSource(strings = { "subscriber.apply.key-generated", "subscriber.apply.issued", "subscriber.apply.on-card" })
	void aCardPulledMidApplicationIsReportedAndTheNextAttemptCompletes(String checkpoint) throws Exception {
		Journey j = Journey.toCardInHand();
		Path tokens = Path.of(System.getenv("SOFTHSM2_CONF")).resolveSibling("tokens");
		Path pulled = tokens.resolveSibling("tokens-pulled");
		ChildProcess.Result r;
		try {
			r = ChildProcess.interruptAt(checkpoint, () -> move(tokens, pulled), "apply", SubscriberEdition.address(),
					j.subscriber.account(), j.password, j.card.serial(), j.pin);
		} finally {
			move(pulled, tokens);
		}
		assertEquals(3, r.exit(), r.output());
		assertTrue(r.output().contains("REFUSED CARD/CARD_REMOVED"), r.output());
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		assertConsistent(j, me, SubscriberEdition.apply(me, j.card.serial(), j.pin, KeyKind.EC_P256).certificate());
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

	/** Records and card agree: exactly one certificate issued for the one key, on the card, and the audit chain verifies. */
	private static void assertConsistent(Journey j, radesk.client.RaClient me, SubscriberRa.Certificate cert) throws Exception {
		assertEquals(CertificateState.ON_CARD, cert.state());
		assertEquals(List.of(cert.serial()), me.certificates().stream().map(SubscriberRa.Certificate::serial).toList(),
				"exactly one certificate was issued and recorded");
		assertEquals(1, rows("select count(*) from certificate where card_serial = '" + j.card.serial() + "'"));
		try (CardSession card = Services.await(CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
			assertEquals(1, card.certificates().size(), "the card holds that one certificate");
			assertTrue(java.util.Arrays.equals(cert.der(), card.certificates().get(0).getEncoded()));
			assertEquals(1, card.keys().size(), "no stray key is left on the card");
		}
		assertTrue(Services.await(AuditTrail.class).firstBroken(Staff.ADMIN).isEmpty());
	}

	private static long rows(String sql) throws Exception {
		try (Connection c = Services.await(Database.class).connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * H2 2.5 loses the commits of a process killed after it wrote them into a free gap of a file
	 * another process closed cleanly (its recovery stops at the close's last chunk): the RA closes
	 * its database compacted, so the file it leaves has no gap and every later commit is appended.
	 */
	@Test
	void theRaClosesItsDatabaseWithoutGapsSoALaterProcessKilledLosesNoCommit() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeFalse(radesk.testing.RaProcess.sharedDatabase(), "about H2's file: PostgreSQL has none of ours");
		Journey.toCardInHand();
		Services.stopRa();
		try {
			Path file = Path.of(System.getProperty("radesk.data"), "db", "radesk.mv.db");
			org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).readOnly().open();
			try {
				assertEquals(100, store.getFileStore().getFillRate(), "every block of the closed file in use");
			} finally {
				store.close();
			}
		} finally {
			Services.startRa();
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
