package radesk.ui.counter.uitests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import radesk.card.CardTerminal;
import radesk.client.RaClient;
import radesk.core.card.KeyKind;
import radesk.flows.ApplyForCertificate;
import radesk.server.RaServerEndpoint;

/**
 * The subscriber at home, in the connected run: logged in over HTTPS to the RA server of this
 * runtime with the account and password from the slip (its captcha answer disclosed on loopback,
 * a test run), then 憑證申請 on the card handed over, with the subscriber edition's own flow.
 */
final class AtHome {

	private AtHome() {
	}

	/** Applies and returns the month (Taiwan time) the new certificate ends in. */
	static java.time.YearMonth applyForCertificate(IssuanceSteps.Handed handed) throws Exception {
		RaServerEndpoint server = service(RaServerEndpoint.class);
		RaClient me = new RaClient("https://localhost:" + server.port() + "/api/v1/",
				WalkInIntakeUiTest.data().resolve("server").resolve("root.cer"));
		RaClient.Captcha captcha = me.captcha();
		me.logIn(handed.account(), handed.password().toCharArray(), captcha.id(),
				server.disclosedAnswer(captcha.id()).orElseThrow(() -> new AssertionError("the test server discloses captchas")));
		ApplyForCertificate.Outcome outcome = new ApplyForCertificate(me, service(CardTerminal.class)).run(handed.card(),
				handed.pin().toCharArray(), KeyKind.EC_P256, step -> {
				});
		assertEquals(handed.card(), outcome.certificate().cardSerial());
		return java.time.YearMonth.from(outcome.certificate().x509().getNotAfter().toInstant().atZone(java.time.ZoneId.of("Asia/Taipei")));
	}

	private static <T> T service(Class<T> type) throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(AtHome.class).getBundleContext();
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		try {
			T found = tracker.waitForService(30_000);
			if (found == null) {
				throw new AssertionError("no " + type.getSimpleName() + " in this runtime");
			}
			return found;
		} finally {
			tracker.close();
		}
	}
}
