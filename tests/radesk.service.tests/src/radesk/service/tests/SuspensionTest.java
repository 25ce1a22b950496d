package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.AuditTrail;
import radesk.api.staff.FormDesk;
import radesk.api.staff.SuspensionDesk;
import radesk.client.RaClient;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.audit.AuditEntry;
import radesk.core.card.KeyKind;
import radesk.core.review.Decision;
import radesk.core.revocation.RevocationReason;
import radesk.testing.SoftHsm;

/**
 * 暫禁 and 恢復使用 as relying parties see them, with openssl from outside: the subscriber reports the
 * card lost with the website password, the certificate shows on hold (certificateHold) in OCSP and
 * the CRL at once, an officer resumes it and both say good again; at the counter, a clerk suspends,
 * the same officer cannot both suspend and resume, and a suspended certificate can still be revoked.
 */
class SuspensionTest {

	private static Path dir;
	private static final Actor SECOND_OFFICER = new Actor("kao.officer", Role.RA_OFFICER, "review-2");

	@BeforeAll
	static void tokens() throws Exception {
		SoftHsm.demoCardSerial();
		dir = Files.createTempDirectory("suspension");
	}

	private static String base() throws Exception {
		return RelyingParty.base();
	}

	private static String ocsp(Path leaf) throws Exception {
		return RelyingParty.ocsp(dir.resolve("issuing.pem"), chain(), leaf, base() + "/ocsp");
	}

	private static String crlCheck(Path leaf) throws Exception {
		return RelyingParty.crlCheck(chain(), leaf);
	}

	private static Path chain() throws Exception {
		Path chain = dir.resolve("chain.pem");
		if (!Files.exists(chain)) {
			HttpClient http = HttpClient.newHttpClient();
			byte[] issuing = http.send(HttpRequest.newBuilder(URI.create(base() + "/ca/issuing.cer")).build(),
					HttpResponse.BodyHandlers.ofByteArray()).body();
			byte[] root = http.send(HttpRequest.newBuilder(URI.create(base() + "/ca/root.cer")).build(),
					HttpResponse.BodyHandlers.ofByteArray()).body();
			Files.writeString(dir.resolve("issuing.pem"), ServiceFlowTest.pem(issuing));
			Files.writeString(chain, ServiceFlowTest.pem(issuing) + ServiceFlowTest.pem(root));
		}
		return chain;
	}

	@Test
	void aLostCardReportedWithThePasswordPutsTheCertificateOnHoldAtOnceAndAnOfficerResumesIt() throws Exception {
		Journey j = Journey.toCardInHand();
		RaClient me = SubscriberEdition.logIn(j);
		radesk.api.SubscriberRa.Certificate cert = SubscriberEdition.apply(me, j, KeyKind.EC_P256);
		Path leaf = Files.writeString(dir.resolve("lost.pem"), ServiceFlowTest.pem(cert.der()));
		assertTrue(ocsp(leaf).contains(leaf + ": good"));

		assertEquals(List.of(cert.identifier()), me.reportLost(), "every certificate in use, on hold");
		Thread.sleep(1_100); // the responder reads the status counter at most once a second
		String held = ocsp(leaf);
		assertTrue(held.contains(leaf + ": revoked") && held.contains("Reason: certificateHold"), held);
		assertTrue(crlCheck(leaf).contains("certificate revoked"), "on hold in the CRL published at once");
		assertEquals("SUSPENDED", me.certificates().get(0).state().name());
		assertEquals(List.of(), me.reportLost(), "nothing left in use");

		SuspensionDesk holds = Services.await(SuspensionDesk.class);
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class, () -> holds.resume(Staff.CLERK, cert.identifier(), ""))
				.reason(), "officers resume");
		holds.resume(Staff.OFFICER, cert.identifier(), "card found, identity checked at the counter");
		assertEquals(Reason.WRONG_STATE, assertThrows(ServiceException.class, () -> holds.resume(Staff.OFFICER, cert.identifier(), ""))
				.reason());
		Thread.sleep(1_100);
		assertTrue(ocsp(leaf).contains(leaf + ": good"), "good again after the resumption");
		assertTrue(crlCheck(leaf).contains(": OK"), "off the CRL");
		assertEquals("ON_CARD", me.certificates().get(0).state().name());
		List<String> story = Services.await(AuditTrail.class).about(Staff.ADMIN, "certificate:" + cert.serial()).stream()
				.map(AuditEntry::action).toList();
		assertTrue(story.containsAll(List.of("CERTIFICATE_SUSPENDED", "CERTIFICATE_RESUMED")), story.toString());
	}

	@Test
	void atTheCounterTheOfficerWhoSuspendedCannotResumeAndASuspendedCertificateCanBeRevoked() throws Exception {
		Journey j = Journey.toCardInHand();
		radesk.api.SubscriberRa.Certificate cert = SubscriberEdition.apply(SubscriberEdition.logIn(j), j, KeyKind.EC_P256);
		Path leaf = Files.writeString(dir.resolve("counter.pem"), ServiceFlowTest.pem(cert.der()));
		SuspensionDesk holds = Services.await(SuspensionDesk.class);
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class, () -> holds.suspend(Staff.MAILROOM, cert.identifier(), ""))
				.reason());
		assertEquals(Reason.NOT_FOUND, assertThrows(ServiceException.class, () -> holds.suspend(Staff.CLERK, "C00000000000", ""))
				.reason());
		assertEquals(Reason.INVALID_INPUT, assertThrows(ServiceException.class, () -> holds.suspend(Staff.CLERK, cert.identifier(),
				"x".repeat(10_000))).reason(), "a note of any length is refused in words, nothing held");
		holds.suspend(Staff.OFFICER, cert.identifier().toLowerCase(), "the subscriber telephoned: card lost");
		assertEquals(Reason.WRONG_STATE, assertThrows(ServiceException.class, () -> holds.suspend(Staff.CLERK, cert.identifier(), ""))
				.reason(), "on hold already");
		assertEquals(Reason.DUAL_CONTROL, assertThrows(ServiceException.class, () -> holds.resume(Staff.OFFICER, cert.identifier(), ""))
				.reason(), "not whoever suspended it");

		// the card is not found: revoked through the form, from on hold
		FormDesk forms = Services.await(FormDesk.class);
		long formId = forms.submitRevocation(Staff.CLERK, cert.identifier(), RevocationReason.KEY_LOST, "not found");
		forms.decide(SECOND_OFFICER, formId, Decision.approve());
		Thread.sleep(1_100);
		String revoked = ocsp(leaf);
		assertTrue(revoked.contains(leaf + ": revoked") && revoked.contains("Reason: keyCompromise"), revoked);
		assertEquals(Reason.WRONG_STATE, assertThrows(ServiceException.class, () -> holds.resume(SECOND_OFFICER, cert.identifier(), ""))
				.reason(), "revoked is final");
	}
}
