package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.card.KeyKind;
import radesk.pki.CsrBuilder;
import radesk.store.Database;

/**
 * Several RA servers on one PostgreSQL (the suite's second run): nothing of a subscriber's is in
 * one server's memory, so a session, a captcha and a challenge made at one are good at the other;
 * behind HAProxy (Debian's, health checks on /health) clients carry on past a server killed with
 * kill -9 in the middle of their work, and no certificate is issued twice.
 */
class ScaleOutTest {

	private static HttpClient http;

	@BeforeAll
	static void sharedDatabaseOnly() throws Exception {
		Assumptions.assumeTrue(radesk.testing.RaProcess.sharedDatabase(), "several servers share a database: PostgreSQL only");
		http = HttpClient.newBuilder().sslContext(radesk.core.TrustedRoot.tlsContext(
				Path.of(System.getProperty("radesk.data"), "server", "root.cer"))).connectTimeout(java.time.Duration.ofSeconds(5)).build();
	}

	@Test
	void aSessionCaptchaAndChallengeOfOneServerAreGoodAtTheOther() throws Exception {
		Journey j = Journey.toCardInHand();
		try (ChildProcess.Server a = ChildProcess.server("(none)"); ChildProcess.Server b = ChildProcess.server("(none)")) {
			String token = logIn(a.address(), b.address(), j);
			assertEquals(200, get(a.address(), "certificates", token).statusCode(), "the session made at B, used at A");
			try (CardSession card = Services.await(CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
				CardKey key = card.generateKey(KeyKind.EC_P256);
				byte[] csr = CsrBuilder.build(key.publicKey(), j.subscriber.account(), (alg, data) -> card.sign(key, alg, data));
				// the challenge from B, the application at A
				HttpResponse<String> issued = post(a.address(), "applications", application(b.address(), card, j, key, csr), token);
				assertEquals(200, issued.statusCode(), issued.body());
				assertEquals(1, certificates(b.address(), token), "B lists what A issued");
			}
			HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(a.address() + "sessions"))
					.header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
			assertTrue(out.statusCode() / 100 == 2, "logged out at A: " + out.statusCode() + " " + out.body());
			assertEquals(401, get(b.address(), "certificates", token).statusCode(), "and so at B");
		}
	}

	@Test
	void behindHaproxyClientsCarryOnPastAServerKilledMidLoadAndNothingIsIssuedTwice() throws Exception {
		List<Journey> people = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			people.add(Journey.toCardInHand());
		}
		try (ChildProcess.Server a = ChildProcess.server("(none)"); ChildProcess.Server b = ChildProcess.server("(none)");
				radesk.testing.Haproxy proxy = haproxy(a.port, b.port)) {
			String front = proxy.address();
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicInteger answered = new AtomicInteger();
			AtomicInteger retried = new AtomicInteger();
			AtomicInteger answeredAfterKill = new AtomicInteger();
			AtomicBoolean killed = new AtomicBoolean();
			List<String> failures = Collections.synchronizedList(new ArrayList<>());
			ExecutorService clients = Executors.newFixedThreadPool(people.size() * 2);
			List<Future<?>> work = new ArrayList<>();
			for (Journey j : people) {
				// status calls in a loop, as the subscriber edition polls
				work.add(clients.submit(() -> {
					String token = retrying(retried, () -> logIn(front, front, j));
					while (running.get()) {
						int status = retrying(retried, () -> {
							HttpResponse<String> r = get(front, "certificates", token);
							if (r.statusCode() == 503) {
								throw new java.io.IOException("503: " + r.body());
							}
							return r.statusCode();
						});
						if (status != 200) {
							failures.add(j.subscriber.account() + ": " + status);
						}
						answered.incrementAndGet();
						if (killed.get()) {
							answeredAfterKill.incrementAndGet();
						}
					}
					return null;
				}));
				// and an application on the card, retried as the subscriber edition retries it
				work.add(clients.submit(() -> {
					String token = retrying(retried, () -> logIn(front, front, j));
					try (CardSession card = Services.await(CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
						CardKey key = card.generateKey(KeyKind.EC_P256);
						byte[] csr = CsrBuilder.build(key.publicKey(), j.subscriber.account(), (alg, data) -> card.sign(key, alg, data));
						Thread.sleep(1_900); // applied about when one server is killed
						int status = retrying(retried, () -> {
							HttpResponse<String> r = post(front, "applications", application(front, card, j, key, csr), token);
							if (r.statusCode() == 503) {
								throw new java.io.IOException("503: " + r.body());
							}
							return r.statusCode();
						});
						if (status != 200) {
							failures.add(j.subscriber.account() + " application: " + status);
						}
					}
					return null;
				}));
			}
			Thread.sleep(2_000);
			a.close(); // kill -9, in the middle of the load
			killed.set(true);
			Thread.sleep(4_000);
			running.set(false);
			for (Future<?> f : work) {
				f.get(2, TimeUnit.MINUTES);
			}
			clients.shutdown();
			System.out.println("ScaleOutTest: " + answered + " status calls answered through HAProxy, " + answeredAfterKill
					+ " after one server was killed; " + retried + " attempts retried");
			assertTrue(failures.isEmpty(), failures.toString());
			assertTrue(answeredAfterKill.get() > 0, "answered after the kill: " + answered + " in all, " + retried + " retried");
		}
		// one certificate per person, whatever was retried through the kill
		Database db = Services.await(Database.class);
		for (Journey j : people) {
			int issued = db.read((Connection c) -> {
				try (var ps = c.prepareStatement("select count(*) from certificate where subscriber_id = ?")) {
					ps.setLong(1, j.subscriber.subscriberId());
					try (var rs = ps.executeQuery()) {
						rs.next();
						return rs.getInt(1);
					}
				}
			});
			assertEquals(1, issued, j.subscriber.account() + ": one certificate, issued once");
		}
	}

	@Test
	void behindHaproxyTheServerSeesTheSubscribersAddressAndNoClientCanClaimOne() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		// HAProxy connects from 127.0.0.3, the one balancer the server trusts for PROXY headers; the subscriber is 127.0.0.1
		try (ChildProcess.Server a = ChildProcess.server("(none)", List.of("-Dradesk.server.proxies=127.0.0.3"));
				radesk.testing.Haproxy proxy = haproxy("127.0.0.3", a.port)) {
			String token = logIn(proxy.address(), proxy.address(), j);
			assertEquals(200, get(proxy.address(), "certificates", token).statusCode());
			String seen = Services.await(Database.class).read((Connection c) -> {
				try (var ps = c.prepareStatement("select client_address from session where account = ?")) {
					ps.setString(1, j.subscriber.account());
					try (var rs = ps.executeQuery()) {
						return rs.next() ? rs.getString(1) : null;
					}
				}
			});
			assertEquals("127.0.0.1", seen, "the subscriber's address, from HAProxy's PROXY header (not 127.0.0.3)");
			// straight to the server, no header: served as ever
			assertEquals(200, get(a.address(), "health", null).statusCode());
			// straight to the server from an address it does not trust, claiming another: the header is not read, TLS fails on it
			try (java.net.Socket raw = new java.net.Socket("127.0.0.1", a.port)) {
				raw.getOutputStream().write("PROXY TCP4 203.0.113.9 127.0.0.1 40000 443\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
				javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) radesk.core.TrustedRoot.tlsContext(
						Path.of(System.getProperty("radesk.data"), "server", "root.cer")).getSocketFactory().createSocket(raw, "localhost", a.port, true);
				tls.setSoTimeout(10_000);
				org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, tls::startHandshake, "a claimed address is refused");
			}
		}
	}

	@FunctionalInterface
	private interface Attempt<T> {
		T run() throws Exception;
	}

	/** A client's retry: a dropped connection or a 503 is tried again, a few times, a moment apart. */
	private static <T> T retrying(AtomicInteger retried, Attempt<T> attempt) throws Exception {
		for (int i = 1;; i++) {
			try {
				return attempt.run();
			} catch (java.io.IOException e) {
				if (i == 8) {
					throw e;
				}
				retried.incrementAndGet();
				Thread.sleep(250);
			}
		}
	}

	/** Logs in with a captcha fetched from {@code captchaAt} and answered at {@code logInAt}. */
	private static String logIn(String captchaAt, String logInAt, Journey j) throws Exception {
		HttpResponse<String> c = get(captchaAt, "captcha", null);
		assertEquals(200, c.statusCode(), c.body());
		HttpResponse<String> in = post(logInAt, "sessions", "{\"account\":\"" + j.subscriber.account() + "\",\"password\":\"" + j.password
				+ "\",\"captchaId\":\"" + ServerApiTest.field(c.body(), "id") + "\",\"captcha\":\"" + ServerApiTest.field(c.body(), "answer")
				+ "\"}", null);
		assertEquals(200, in.statusCode(), in.body());
		return ServerApiTest.field(in.body(), "token");
	}

	/** POST /applications as the subscriber edition sends it, over a fresh challenge of {@code challengeAt}. */
	private static String application(String challengeAt, CardSession card, Journey j, CardKey key, byte[] csr) throws Exception {
		return ApplicationApiTest.application(card, j.subscriber.account(), key.idHex(), csr,
				ServerApiTest.field(get(challengeAt, "challenge", null).body(), "challenge"));
	}

	private static int certificates(String base, String token) throws Exception {
		HttpResponse<String> list = get(base, "certificates", token);
		assertEquals(200, list.statusCode(), list.body());
		return list.body().split("\"serial\"", -1).length - 1;
	}

	private static HttpResponse<String> get(String base, String path, String token) throws Exception {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(20)).GET();
		if (token != null) {
			r.header("Authorization", "Bearer " + token);
		}
		return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(String base, String path, String body, String token) throws Exception {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(20))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			r.header("Authorization", "Bearer " + token);
		}
		return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** HAProxy as DEPLOYMENT.md has it, quick to notice a server gone; returned once a server answers through it. */
	private static radesk.testing.Haproxy haproxy(int... servers) throws Exception {
		return haproxy(null, servers);
	}

	/** The same, with the PROXY protocol from {@code source} when it is not null. */
	private static radesk.testing.Haproxy haproxy(String source, int... servers) throws Exception {
		radesk.testing.Haproxy proxy = radesk.testing.Haproxy.start(300, source, servers);
		long deadline = System.currentTimeMillis() + 30_000;
		while (true) {
			try {
				if (get(proxy.address(), "health", null).statusCode() == 200) {
					return proxy;
				}
			} catch (java.io.IOException notYet) {
				// no server checked up yet
			}
			if (System.currentTimeMillis() > deadline) {
				proxy.close();
				throw new AssertionError("nothing answered through haproxy: " + Files.readString(proxy.log()));
			}
			Thread.sleep(200);
		}
	}
}
