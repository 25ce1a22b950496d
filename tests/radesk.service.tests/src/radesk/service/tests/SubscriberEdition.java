package radesk.service.tests;

import java.nio.file.Path;

import radesk.api.SubscriberRa;
import radesk.card.CardTerminal;
import radesk.client.RaClient;
import radesk.core.card.KeyKind;
import radesk.flows.ApplyForCertificate;
import radesk.flows.DownloadCertificate;
import radesk.server.RaServerEndpoint;

/**
 * The subscriber edition's path in a test: logged in over HTTPS to the RA server of this runtime
 * (its captcha answers disclosed on loopback), and the card flows of {@code radesk.flows} over the
 * reader — the same classes the subscriber edition runs.
 */
final class SubscriberEdition {

	private SubscriberEdition() {
	}

	static String address() throws Exception {
		return "https://localhost:" + Services.await(RaServerEndpoint.class).port() + "/api/v1/";
	}

	static Path root() {
		return Path.of(System.getProperty("radesk.data"), "server", "root.cer");
	}

	/** The subscriber of {@code j}, logged in with account, password and captcha. */
	static RaClient logIn(Journey j) throws Exception {
		RaServerEndpoint server = Services.await(RaServerEndpoint.class);
		RaClient client = new RaClient(address(), root());
		RaClient.Captcha captcha = client.captcha();
		client.logIn(j.subscriber.account(), j.password.toCharArray(), captcha.id(),
				server.disclosedAnswer(captcha.id()).orElseThrow(() -> new AssertionError("the test server discloses captchas")));
		return client;
	}

	/** 憑證申請 on the subscriber's card in hand. */
	static SubscriberRa.Certificate apply(RaClient me, Journey j, KeyKind kind) throws Exception {
		return apply(me, j.card.serial(), j.pin, kind).certificate();
	}

	static ApplyForCertificate.Outcome apply(RaClient me, String cardSerial, String pin, KeyKind kind) throws Exception {
		return new ApplyForCertificate(me, Services.await(CardTerminal.class)).run(cardSerial, pin.toCharArray(), kind, step -> {
		});
	}

	/** 憑證下載 of an issued certificate onto card {@code cardSerial}. */
	static SubscriberRa.Certificate download(RaClient me, String cardSerial, String pin, SubscriberRa.Certificate certificate)
			throws Exception {
		return new DownloadCertificate(me, Services.await(CardTerminal.class)).run(cardSerial, pin.toCharArray(), certificate, step -> {
		});
	}
}
