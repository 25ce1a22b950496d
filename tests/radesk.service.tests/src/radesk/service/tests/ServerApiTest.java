package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.server.RaServerEndpoint;

/**
 * The RA server over real HTTPS on loopback: TLS with the RA CA's certificate (and nothing else
 * trusted), log-in with the three-strike rule, password change, and bad requests refused with a
 * clear error that changes nothing.
 */
class ServerApiTest {

	private static HttpClient client;
	private static String base;
	private static String staffBase;

	@BeforeAll
	static void connect() throws Exception {
		// other tests restart the service bundles: the server may listen on another port now
		RaServerEndpoint server = Services.await(RaServerEndpoint.class);
		base = "https://localhost:" + server.port() + "/api/v1/";
		staffBase = "https://localhost:" + server.staffPort() + "/api/v1/";
		if (client != null) {
			return;
		}
		Path root = Path.of(System.getProperty("radesk.data"), "server", "root.cer");
		client = HttpClient.newBuilder().sslContext(radesk.core.TrustedRoot.tlsContext(root)).build();
	}

	/** A POST to the listener of its API: staff routes to the staff listener, the rest to subscribers'. */
	static HttpResponse<String> post(String path, String body, String token) throws Exception {
		return post(path.startsWith("staff/") ? staffBase : base, path, body, token);
	}

	static HttpResponse<String> post(String listener, String path, String body, String token) throws Exception {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(listener + path)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			r.header("Authorization", "Bearer " + token);
		}
		return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create((path.startsWith("staff/") ? staffBase : base) + path)).GET();
		if (token != null) {
			r.header("Authorization", "Bearer " + token);
		}
		return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A fresh captcha's id and answer as JSON members (the test server discloses answers on loopback). */
	static String captcha() throws Exception {
		HttpResponse<String> c = get("captcha", null);
		assertEquals(200, c.statusCode(), c.body());
		assertTrue(field(c.body(), "png").length() > 200, "a PNG comes with it");
		return "\"captchaId\":\"" + field(c.body(), "id") + "\",\"captcha\":\"" + field(c.body(), "answer") + "\"";
	}

	static HttpResponse<String> logIn(String account, String password) throws Exception {
		return post("sessions", "{\"account\":\"" + account + "\",\"password\":\"" + password + "\"," + captcha() + "}", null);
	}

	static String subscriberListener() {
		return base;
	}

	static String staffListener() {
		return staffBase;
	}

	static String field(String json, String name) {
		var m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
		return m.find() ? m.group(1) : null;
	}

	@Test
	void eachListenerAnswersItsOwnApiOnly() throws Exception {
		String staffSignIn = "{\"account\":\"nobody\",\"password\":\"nothing-1234\",\"workstation\":\"w\"}";
		HttpResponse<String> staffOnSubscribers = post(subscriberListener(), "staff/sessions", staffSignIn, null);
		assertEquals(404, staffOnSubscribers.statusCode(), "no staff route on the subscribers' port: " + staffOnSubscribers.body());
		HttpResponse<String> subscriberOnStaff = post(staffListener(), "sessions", "{}", null);
		assertEquals(404, subscriberOnStaff.statusCode(), "no subscriber route on the staff port: " + subscriberOnStaff.body());
		assertEquals(401, post(staffListener(), "staff/sessions", staffSignIn, null).statusCode(), "where it belongs, asked");
		for (String listener : java.util.List.of(subscriberListener(), staffListener())) {
			assertEquals(200, client.send(HttpRequest.newBuilder(URI.create(listener + "health")).GET().build(),
					HttpResponse.BodyHandlers.ofString()).statusCode(), "the health check on both");
		}
	}

	@Test
	void theServerSpeaksTlsWithTheRasOwnCertificateOnly() throws Exception {
		HttpResponse<String> health = get("health", null);
		assertEquals(200, health.statusCode());
		assertTrue(health.body().startsWith("{\"status\":\"ok\",\"time\":\""), health.body());
		assertTrue(java.time.Duration.between(java.time.Instant.parse(field(health.body(), "time")), java.time.Instant.now()).abs()
				.toSeconds() < 60, "the server tells its clock");
		assertEquals("TLSv1.3", health.sslSession().orElseThrow().getProtocol());
		// the server's certificate comes from the RA's TLS CA, never from the CA of subscribers' certificates
		java.security.cert.X509Certificate server = (java.security.cert.X509Certificate) health.sslSession().orElseThrow()
				.getPeerCertificates()[0];
		assertTrue(server.getIssuerX500Principal().getName().contains("TLS CA"), server.getIssuerX500Principal().getName());
		assertEquals(java.util.List.of("1.3.6.1.5.5.7.3.1"), server.getExtendedKeyUsage(), "serverAuth only");
		// a client that trusts only the public roots does not accept the RA's server
		HttpClient stranger = HttpClient.newHttpClient();
		assertThrows(SSLHandshakeException.class,
				() -> stranger.send(HttpRequest.newBuilder(URI.create(base + "health")).build(), HttpResponse.BodyHandlers.ofString()));
	}

	@Test
	void aSubscriberLogsInChangesThePasswordAndThreeWrongOnesSuspend() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		String account = j.subscriber.account();
		HttpResponse<String> ok = logIn(account, j.password);
		assertEquals(200, ok.statusCode(), ok.body());
		String token = field(ok.body(), "token");
		assertTrue(token != null && token.length() >= 43, ok.body());
		assertEquals("no-store", ok.headers().firstValue("Cache-Control").orElse(""));

		HttpResponse<String> list = get("certificates", token);
		assertEquals(200, list.statusCode(), list.body());
		assertEquals("{\"certificates\":[]}", list.body());

		HttpResponse<String> weak = post("password", "{\"oldPassword\":\"" + j.password + "\",\"newPassword\":\"short\",\"confirm\":\"short\"}", token);
		assertEquals(400, weak.statusCode());
		assertEquals("PASSWORD_TOO_WEAK", field(weak.body(), "error"));
		String fresh = "Fresh-pass-2026x";
		HttpResponse<String> changed = post("password", "{\"oldPassword\":\"" + j.password + "\",\"newPassword\":\"" + fresh
				+ "\",\"confirm\":\"" + fresh + "\"}", token);
		assertEquals(200, changed.statusCode(), changed.body());
		assertEquals(200, logIn(account, fresh).statusCode());

		HttpResponse<String> first = logIn(account, "wrong-1");
		assertEquals(401, first.statusCode());
		assertTrue(first.body().contains("\"triesLeft\":2"), first.body());
		logIn(account, "wrong-2");
		HttpResponse<String> third = logIn(account, "wrong-3");
		assertEquals(423, third.statusCode(), third.body());
		assertEquals("ACCOUNT_SUSPENDED", field(third.body(), "error"));
		assertEquals(423, logIn(account, fresh).statusCode(),
				"suspended until a reset at the counter, even with the right password");
	}

	@Test
	void aWrongOrReusedCaptchaIsRefusedBeforeThePasswordIsLookedAt() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		String account = j.subscriber.account();
		HttpResponse<String> c = get("captcha", null);
		String id = field(c.body(), "id");
		String answer = field(c.body(), "answer");
		String wrong = answer.equals("00000") ? "11111" : "00000";
		HttpResponse<String> refused = post("sessions", "{\"account\":\"" + account + "\",\"password\":\"wrong-pw\",\"captchaId\":\""
				+ id + "\",\"captcha\":\"" + wrong + "\"}", null);
		assertEquals(400, refused.statusCode());
		assertEquals("CAPTCHA_WRONG", field(refused.body(), "error"));
		HttpResponse<String> reused = post("sessions", "{\"account\":\"" + account + "\",\"password\":\"" + j.password
				+ "\",\"captchaId\":\"" + id + "\",\"captcha\":\"" + answer + "\"}", null);
		assertEquals("CAPTCHA_WRONG", field(reused.body(), "error"), "a captcha is good for one attempt");
		HttpResponse<String> ok = logIn(account, j.password);
		assertEquals(200, ok.statusCode(), "the captcha refusals cost no password strike: " + ok.body());
		assertTrue(!ok.body().contains("triesLeft"));
	}

	@Test
	void badRequestsGetClearErrorsAndChangeNothing() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		String account = j.subscriber.account();
		assertEquals("MALFORMED_JSON", field(post("sessions", "{\"account\": ", null).body(), "error"));
		assertEquals("MALFORMED_JSON", field(post("sessions", "[1,2]", null).body(), "error"));
		HttpResponse<String> wrongType = post("sessions", "{\"account\":\"" + account + "\",\"password\":12345," + captcha() + "}", null);
		assertEquals(400, wrongType.statusCode());
		assertEquals("WRONG_TYPE", field(wrongType.body(), "error"));
		assertEquals("MISSING_FIELD", field(post("sessions", "{\"account\":\"" + account + "\"}", null).body(), "error"));
		HttpResponse<String> huge = post("sessions", "{\"account\":\"" + "x".repeat(20_000) + "\",\"password\":\"p\"}", null);
		assertEquals(413, huge.statusCode());
		HttpResponse<String> plain = client.send(HttpRequest.newBuilder(URI.create(base + "sessions"))
				.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("account=x")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertEquals(415, plain.statusCode());
		assertEquals(404, get("nothing-here", null).statusCode());
		assertEquals(401, get("certificates", null).statusCode());
		assertEquals(401, get("certificates", "forged-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").statusCode());
		// none of it counted as a wrong password: the right one still logs in at once
		HttpResponse<String> ok = logIn(account, j.password);
		assertEquals(200, ok.statusCode(), ok.body());
	}
}
