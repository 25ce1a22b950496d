package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.AccountDesk;
import radesk.api.staff.AuditTrail;
import radesk.api.CertificateDesk;
import radesk.api.staff.CrlDesk;
import radesk.api.staff.FormDesk;
import radesk.api.staff.FormDesk.FormItem;
import radesk.api.IssuedCertificate;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.audit.AuditEntry;
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;
import radesk.core.review.Decision;
import radesk.core.review.FormState;
import radesk.core.revocation.RevocationReason;
import radesk.testing.SoftHsm;

/** 憑證廢止: a form taken in by the mailroom, approved by an officer, the certificate revoked and the CRL published. */
class RevocationTest {

	@BeforeAll
	static void tokens() throws Exception {
		SoftHsm.demoCardSerial();
	}

	@Test
	void anApprovedRevocationRevokesTheCertificateAndOpensslSeesItOnThePublishedCrl() throws Exception {
		Journey j = Journey.toCardInHand();
		Actor me = Services.await(AccountDesk.class).logIn(j.subscriber.account(), j.password.toCharArray(), "pc");
		radesk.api.SubscriberRa.Certificate cert = SubscriberEdition.apply(SubscriberEdition.logIn(j), j, KeyKind.EC_P256);
		FormDesk forms = Services.await(FormDesk.class);

		assertEquals(Reason.INVALID_INPUT, assertThrows(ServiceException.class,
				() -> forms.submitRevocation(Staff.MAILROOM, "C99999999999", RevocationReason.KEY_LOST, "")).reason());
		long formId = forms.submitRevocation(Staff.MAILROOM, cert.identifier().toLowerCase(), RevocationReason.KEY_LOST, "card lost on the MRT");
		FormItem waiting = forms.forms(Staff.OFFICER, FormState.IN_REVIEW).stream().filter(f -> f.id() == formId).findFirst().orElseThrow();
		assertEquals(cert.serial(), waiting.subject());
		assertEquals(RevocationReason.KEY_LOST, waiting.reason());
		assertEquals("wu.mail", waiting.submittedBy());
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> forms.decide(Staff.CLERK, formId, Decision.approve())).reason(), "officers decide");

		forms.decide(Staff.OFFICER, formId, Decision.approve());
		IssuedCertificate revoked = Services.await(CertificateDesk.class).certificates(me).stream()
				.filter(c -> c.serial().equals(cert.serial())).findFirst().orElseThrow();
		assertEquals(CertificateState.REVOKED, revoked.state());
		assertTrue(forms.forms(Staff.OFFICER, FormState.IN_REVIEW).stream().noneMatch(f -> f.id() == formId));
		assertEquals(Reason.WRONG_STATE, assertThrows(ServiceException.class,
				() -> forms.submitRevocation(Staff.CLERK, cert.serial(), RevocationReason.KEY_LOST, "")).reason(),
				"a revoked certificate is not revoked twice");

		// openssl, from outside: the published CRL verifies under the CA and lists the certificate as revoked (keyCompromise)
		Path crl = Path.of(System.getProperty("radesk.data"), "publish", "radesk-issuing.crl");
		String text = SoftHsm.run("openssl", "crl", "-inform", "DER", "-in", crl.toString(), "-noout", "-text");
		assertTrue(text.toUpperCase().contains(cert.serial().replaceFirst("^0+", "").toUpperCase()), text);
		assertTrue(text.contains("Key Compromise"), text);
		Path dir = Files.createTempDirectory("revoked");
		Path leaf = Files.writeString(dir.resolve("leaf.pem"), ServiceFlowTest.pem(cert.der()));
		Path pemCrl = dir.resolve("crl.pem");
		SoftHsm.run("openssl", "crl", "-inform", "DER", "-in", crl.toString(), "-out", pemCrl.toString());
		Path ca = crl.getParent();
		Path chain = dir.resolve("chain.pem");
		Files.writeString(chain, ServiceFlowTest.pem(Files.readAllBytes(ca.resolve("issuing.cer"))) + ServiceFlowTest.pem(Files.readAllBytes(ca.resolve("root.cer"))));
		String verdict = SoftHsm.runAllowingFailure("openssl", "verify", "-crl_check", "-CAfile", chain.toString(), "-CRLfile",
				pemCrl.toString(), leaf.toString());
		assertTrue(verdict.contains("certificate revoked"), verdict);

		int before = Integer.parseInt(text.replaceAll("(?s).*X509v3 CRL Number:\\s*\\n?\\s*(\\d+).*", "$1"));
		CrlDesk.Published next = Services.await(CrlDesk.class).publish(Staff.ADMIN);
		assertEquals(before + 1, next.number());
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class, () -> Services.await(CrlDesk.class).publish(Staff.CLERK)).reason());
		List<String> story = Services.await(AuditTrail.class).about(Staff.ADMIN, "certificate:" + cert.serial()).stream()
				.map(AuditEntry::action).toList();
		assertEquals("CERTIFICATE_REVOKED", story.get(story.size() - 1));
	}
}
