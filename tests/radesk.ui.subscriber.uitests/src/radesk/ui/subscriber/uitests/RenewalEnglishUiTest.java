package radesk.ui.subscriber.uitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import radesk.api.staff.NewSubscriber;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.registration.ProofDocument;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;
import radesk.server.RaServerEndpoint;
import radesk.store.Database;
import radesk.testing.TestIds;
import radesk.testing.swt.WorkbenchRobot;

/**
 * The subscriber edition in English (its own launch, {@code -nl en}) against a real RA server: a
 * subscriber logs in, applies for a certificate on the card, and renews it — refused once it has
 * ended, in the seed's words (register again at the RA), renewed inside the window.
 */
class RenewalEnglishUiTest {

	private static Path shot(String name) {
		return Path.of(System.getProperty("user.dir"), "target", "screenshots", name);
	}

	private static void endsIn(Duration left, String identifier) throws Exception {
		AccountUiTest.service(Database.class).inTransaction((java.sql.Connection c) -> {
			try (var ps = c.prepareStatement("update certificate set not_after = ? where identifier = ?")) {
				ps.setTimestamp(1, Timestamp.from(Instant.now().plus(left)));
				ps.setString(2, identifier);
				ps.executeUpdate();
			}
			return null;
		});
	}

	@Test
	void aSubscriberRenewsInEnglishAndAnEndedCertificateIsRefusedInTheSeedsWords() throws Exception {
		WorkbenchRobot robot = WorkbenchRobot.attach("login.account");
		RegistrationDesk desk = AccountUiTest.service(RegistrationDesk.class);
		Actor clerk = new Actor("en.clerk", Role.COUNTER_CLERK, "counter");
		RegistrationSummary request = desk.submitWalkIn(clerk, new WalkInForm("Mei-ling Chen", TestIds.nationalId(), "mei@example.com.tw",
				"HQ").withDocuments(ProofDocument.ID_CARD_COPY));
		desk.decide(new Actor("en.officer", Role.RA_OFFICER, "review"), request.id(), Decision.approve());
		NewSubscriber subscriber = desk.register(clerk, request.id());
		String pin = AccountUiTest.cardFor(clerk, subscriber.subscriberId());
		String card = AccountUiTest.lastCard;

		RaServerEndpoint server = AccountUiTest.service(RaServerEndpoint.class);
		System.setProperty("radesk.server.url", "https://localhost:" + server.port() + "/api/v1/");
		System.setProperty("radesk.server.root", Path.of(System.getProperty("radesk.data"), "server", "root.cer").toString());
		robot.click("login.newCaptcha");
		robot.type("login.account", subscriber.account());
		robot.type("login.password", new String(subscriber.password()));
		robot.type("login.captcha", AccountUiTest.disclosedAnswer(robot, server));
		robot.click("login.submit");
		robot.waitUntil(() -> robot.textOf("login.outcome").equals("Logged in."), () -> "logged in: " + robot.textOf("login.outcome"));

		robot.showTab("Apply and download certificates");
		robot.click("certs.lookAgain");
		robot.select("certs.card", AccountUiTest.cardIndex(robot, card));
		robot.type("certs.pin", pin);
		robot.click("certs.apply");
		robot.waitUntil(() -> robot.textOf("certs.outcome").startsWith("Certificate issued: C"),
				() -> "the certificate applied for: " + robot.textOf("certs.outcome"));
		robot.screenshot(shot("apply-en.png"));

		// ended: no renewal, in the seed's words
		robot.showTab("Certificate renewal");
		robot.waitUntil(() -> robot.rows("renew.table").size() == 1, () -> "the certificate on the card: " + robot.rows("renew.table"));
		String identifier = robot.rows("renew.table").get(0).get(0);
		endsIn(Duration.ofDays(-1), identifier);
		robot.click("renew.accept");
		robot.click("renew.lookAgain");
		robot.select("renew.card", AccountUiTest.renewCardIndex(robot, card));
		robot.type("renew.pin", pin);
		robot.type("renew.pinAgain", pin);
		robot.click("renew.submit");
		robot.waitUntil(() -> robot.textOf("renew.outcome")
				.equals("This certificate has expired and can no longer be renewed: register again at the RA counter."),
				() -> "an ended certificate refused, said: " + robot.textOf("renew.outcome"));
		robot.screenshot(shot("renew-expired-en.png"));

		// inside the window: renewed on the card, the old one superseded
		endsIn(Duration.ofDays(20), identifier);
		assertTrue(robot.onUi(() -> ((org.eclipse.swt.widgets.Button) robot.find("renew.accept")).getSelection()), "still accepted");
		robot.type("renew.pin", pin);
		robot.type("renew.pinAgain", pin);
		robot.click("renew.submit");
		robot.waitUntil(() -> robot.textOf("renew.outcome").startsWith("Certificate renewed: the new certificate C")
				&& robot.textOf("renew.outcome").endsWith("You have completed the renewal."),
				() -> "renewed; the screen says " + robot.textOf("renew.outcome"));
		robot.waitUntil(() -> robot.rows("renew.table").size() == 1 && !robot.rows("renew.table").get(0).get(0).equals(identifier),
				() -> "the new certificate listed, the old one superseded: " + robot.rows("renew.table"));
		assertEquals("", robot.textOf("renew.pin"), "the PIN left the screen");
		robot.screenshot(shot("renew-en.png"));
	}
}
