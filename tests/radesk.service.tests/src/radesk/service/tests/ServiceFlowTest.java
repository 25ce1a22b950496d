package radesk.service.tests;

import radesk.api.staff.SearchDesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.AccountDesk;
import radesk.api.staff.AuditTrail;
import radesk.api.CertificateDesk;
import radesk.api.IssuedCertificate;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.audit.AuditEntry;
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;
import radesk.testing.SoftHsm;

/**
 * The whole counter and subscriber story on real parts — H2, SoftHSM2, the embedded CA — with
 * openssl checking the certificate from outside and the audit trail checked at the end.
 */
class ServiceFlowTest {

	@BeforeAll
	static void tokens() throws Exception {
		SoftHsm.demoCardSerial();
	}

	@Test
	void aWalkInGetsACertificateOnACardAndEveryStepIsAudited() throws Exception {
		Journey j = Journey.toCardInHand();
		assertTrue(j.subscriber.account().matches("ra\\d{8}"), j.subscriber.account());
		assertEquals(12, j.password.length());
		assertEquals(8, j.pin.length());

		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		radesk.api.SubscriberRa.Certificate cert = SubscriberEdition.apply(me, j, KeyKind.EC_P256);
		assertEquals(CertificateState.ON_CARD, cert.state());
		assertEquals(j.card.serial(), cert.cardSerial());
		assertTrue(cert.identifier().matches("C\\d{11}"));
		assertEquals(List.of(cert.serial()), me.certificates().stream().map(radesk.api.SubscriberRa.Certificate::serial).toList());
		assertEquals(List.of(cert.x509()), Services.await(radesk.card.CardTerminal.class).certificates(j.card.serial()),
				"on the card");

		Path dir = Files.createTempDirectory("flow");
		Path leaf = Files.writeString(dir.resolve("leaf.pem"), pem(cert.der()));
		String text = SoftHsm.run("openssl", "x509", "-in", leaf.toString(), "-noout", "-subject", "-nameopt", "utf8");
		assertTrue(text.contains("張雅婷"), text);
		assertFalse(text.contains(j.nationalId), "the ID number never appears in the certificate");

		AuditTrail audit = Services.await(AuditTrail.class);
		assertTrue(audit.firstBroken(Staff.ADMIN).isEmpty());
		List<String> requestStory = audit.about(Staff.CLERK, "request:" + j.request.id()).stream().map(AuditEntry::action).toList();
		assertEquals(List.of("REQUEST_SUBMITTED", "REQUEST_APPROVED", "REQUEST_DELIVERED"), requestStory);
		List<String> certStory = audit.about(Staff.CLERK, "certificate:" + cert.serial()).stream().map(AuditEntry::action).toList();
		assertEquals(List.of("CERTIFICATE_ISSUED", "CERTIFICATE_ON_CARD"), certStory);
		AuditEntry issued = audit.about(Staff.CLERK, "certificate:" + cert.serial()).get(0);
		assertEquals(j.subscriber.account(), issued.actor());
		assertEquals("SUBSCRIBER", issued.role());
		assertEquals("subscriber-edition @127.0.0.1", issued.workstation(), "where from, as the connection showed it");
	}

	static String pem(byte[] der) {
		return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----\n";
	}

	@Test
	void aCardHoldsOneValidCertificateSoASecondApplicationIsRefusedBeforeAKeyIsMade() throws Exception {
		Journey j = Journey.toCardInHand();
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		radesk.api.SubscriberRa.Certificate first = SubscriberEdition.apply(me, j, KeyKind.RSA_2048);
		radesk.api.SubscriberRa.Refused second = assertThrows(radesk.api.SubscriberRa.Refused.class,
				() -> SubscriberEdition.apply(me, j, KeyKind.EC_P384));
		assertEquals("CARD_HAS_CERTIFICATE", second.code, "renewal, not a second application, is the way to the next one");
		assertEquals(List.of(first.serial()), me.certificates().stream().map(c -> c.serial()).toList());
		try (radesk.card.CardSession card = Services.await(radesk.card.CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
			assertEquals(1, card.keys().size(), "no key left behind by the refused application");
		}
	}

	@Test
	void aWrongCardPinCountsAndTheThirdLocksTheCard() throws Exception {
		Journey j = Journey.toCardInHand();
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		radesk.api.CardAccessException first = assertThrows(radesk.api.CardAccessException.class,
				() -> SubscriberEdition.apply(me, j.card.serial(), "00000000", KeyKind.EC_P256));
		assertEquals(radesk.api.CardAccessException.Reason.WRONG_PIN, first.reason());
		assertEquals(2, first.triesLeft());
		radesk.api.CardAccessException second = assertThrows(radesk.api.CardAccessException.class,
				() -> SubscriberEdition.apply(me, j.card.serial(), "00000000", KeyKind.EC_P256));
		assertEquals(1, second.triesLeft(), "the last try is announced");
		radesk.api.CardAccessException third = assertThrows(radesk.api.CardAccessException.class,
				() -> SubscriberEdition.apply(me, j.card.serial(), "00000000", KeyKind.EC_P256));
		assertEquals(radesk.api.CardAccessException.Reason.PIN_LOCKED, third.reason());
		radesk.api.CardAccessException locked = assertThrows(radesk.api.CardAccessException.class,
				() -> SubscriberEdition.apply(me, j.card.serial(), j.pin, KeyKind.EC_P256));
		assertEquals(radesk.api.CardAccessException.Reason.PIN_LOCKED, locked.reason(), "the right PIN no longer opens it");
		assertTrue(me.certificates().isEmpty());
		SearchDesk.Story card = Services.await(SearchDesk.class).story(Staff.CLERK, SearchDesk.Kind.CARD, j.card.serial());
		assertEquals(List.of(new SearchDesk.CardLine(j.card.serial(), "LOCKED")), card.cards(),
				"the card's record follows what the card said");
	}

	@Test
	void aSubscriberCannotUseSomeoneElsesCard() throws Exception {
		Journey mine = Journey.toCardInHand();
		Journey theirs = Journey.toCardInHand();
		radesk.client.RaClient me = SubscriberEdition.logIn(mine);
		radesk.api.SubscriberRa.Refused e = assertThrows(radesk.api.SubscriberRa.Refused.class,
				() -> SubscriberEdition.apply(me, theirs.card.serial(), theirs.pin, KeyKind.EC_P256));
		assertEquals("NOT_YOURS", e.code);
		assertTrue(me.certificates().isEmpty());
		assertTrue(Services.await(radesk.card.CardTerminal.class).certificates(theirs.card.serial()).isEmpty(), "nothing on their card");
	}
}
