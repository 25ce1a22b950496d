package radesk.service.tests;

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

		Actor me = Services.await(AccountDesk.class).logIn(j.subscriber.account(), j.password.toCharArray(), "home-pc");
		IssuedCertificate cert = Services.await(CertificateDesk.class).apply(me, j.card.serial(), j.pin.toCharArray(),
				KeyKind.EC_P256);
		assertEquals(CertificateState.ON_CARD, cert.state());
		assertEquals(j.card.serial(), cert.cardSerial());
		assertTrue(cert.identifier().matches("C\\d{11}"));
		assertEquals(List.of(cert.serial()), Services.await(CertificateDesk.class).certificates(me).stream()
				.map(IssuedCertificate::serial).toList());

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
		assertEquals("home-pc", issued.workstation());
	}

	static String pem(byte[] der) {
		return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----\n";
	}

	@Test
	void aSecondApplicationRenewsOnTheSameCardWithANewKey() throws Exception {
		Journey j = Journey.toCardInHand();
		Actor me = Services.await(AccountDesk.class).logIn(j.subscriber.account(), j.password.toCharArray(), "home-pc");
		CertificateDesk desk = Services.await(CertificateDesk.class);
		IssuedCertificate first = desk.apply(me, j.card.serial(), j.pin.toCharArray(), KeyKind.RSA_2048);
		IssuedCertificate second = desk.apply(me, j.card.serial(), j.pin.toCharArray(), KeyKind.EC_P384);
		assertFalse(first.serial().equals(second.serial()));
		assertEquals(2, desk.certificates(me).size());
	}

	@Test
	void aWrongCardPinCountsAndTheThirdLocksTheCard() throws Exception {
		Journey j = Journey.toCardInHand();
		Actor me = Services.await(AccountDesk.class).logIn(j.subscriber.account(), j.password.toCharArray(), "home-pc");
		CertificateDesk desk = Services.await(CertificateDesk.class);
		ServiceException first = assertThrows(ServiceException.class,
				() -> desk.apply(me, j.card.serial(), "00000000".toCharArray(), KeyKind.EC_P256));
		assertEquals(Reason.CARD, first.reason());
		assertEquals(2, first.triesLeft());
		ServiceException second = assertThrows(ServiceException.class,
				() -> desk.apply(me, j.card.serial(), "00000000".toCharArray(), KeyKind.EC_P256));
		assertEquals(1, second.triesLeft(), "the last try is announced");
		ServiceException third = assertThrows(ServiceException.class,
				() -> desk.apply(me, j.card.serial(), "00000000".toCharArray(), KeyKind.EC_P256));
		assertEquals(radesk.api.CardAccessException.Reason.PIN_LOCKED, third.card());
		ServiceException locked = assertThrows(ServiceException.class,
				() -> desk.apply(me, j.card.serial(), j.pin.toCharArray(), KeyKind.EC_P256));
		assertEquals(Reason.WRONG_STATE, locked.reason(), "a locked card's record refuses before the card is asked");
		assertTrue(desk.certificates(me).isEmpty());
	}

	@Test
	void aSubscriberCannotUseSomeoneElsesCard() throws Exception {
		Journey mine = Journey.toCardInHand();
		Journey theirs = Journey.toCardInHand();
		Actor me = Services.await(AccountDesk.class).logIn(mine.subscriber.account(), mine.password.toCharArray(), "pc");
		ServiceException e = assertThrows(ServiceException.class,
				() -> Services.await(CertificateDesk.class).apply(me, theirs.card.serial(), theirs.pin.toCharArray(), KeyKind.EC_P256));
		assertEquals(Reason.NOT_YOURS, e.reason());
	}
}
