package radesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.card.CardBinding;
import radesk.core.card.KeyKind;
import radesk.pki.CsrBuilder;
import radesk.pki.PasswordHasher;
import radesk.store.Database;

/**
 * P8, scale-out: {@code sessions} concurrent subscriber sessions over TLS through HAProxy, first to
 * one {@code radesk-server} instance, then to two on the same PostgreSQL. The log-ins (captcha,
 * Argon2id: a core's work each) arrive over a ramp; then every session stays logged in and asks
 * for its certificates every 10 s, as a subscriber edition in use does, for the hold; some of them
 * (holders of a SoftHSM2 card personalized at the counter) apply for a certificate on their card.
 * Status calls a second while all are in, and p99 of each kind of call, for one and for two
 * instances side by side; the errors (the goal: none, after waiting as told on 503/429 and one
 * more try of a call whose kept connection closed under it). On one machine both instances share
 * its cores: the table says how many.
 */
final class ScaleOutBench implements AutoCloseable {

	private static final String PASSWORD = "Scale-out-2026";
	/** Between a session's status calls. */
	private static final long THINK = 10_000;
	/** How long after the hold a log-in still waiting is given up (an error). */
	private static final long GIVE_UP = 300_000;
	private final Database db;
	private final CardHolders holders;
	private final ServerInstances servers;
	private List<String> users;
	private int oneProxy;
	private int twoProxy;
	private HttpClient client;

	ScaleOutBench(Database db, CardHolders holders, ServerInstances servers) {
		this.db = db;
		this.holders = holders;
		this.servers = servers;
	}

	/** The numbers of one load run: status calls a second while all were logged in, p99s in ms, counts. */
	private record Run(double perSecond, double logIn, double status, double application, int errors, int waited, int retried,
			int applied) {
	}

	/** What one run counts, shared by its sessions. */
	private static final class Tally {
		final List<Long> logIns = Collections.synchronizedList(new ArrayList<>());
		final List<Long> status = Collections.synchronizedList(new ArrayList<>());
		final List<Long> applied = Collections.synchronizedList(new ArrayList<>());
		final AtomicInteger errors = new AtomicInteger();
		final AtomicInteger waited = new AtomicInteger();
		final AtomicInteger retried = new AtomicInteger();
		final AtomicInteger held = new AtomicInteger();
	}

	void run(int sessions) throws Exception {
		if (users == null) {
			users = Subscribers.make(db, "so", sessions, new PasswordHasher(new SecureRandom()).hash(PASSWORD.toCharArray()));
			int a = servers.start();
			int b = servers.start();
			oneProxy = servers.proxy(a);
			twoProxy = servers.proxy(a, b);
			client = ServerLoadBench.client(Path.of(System.getProperty("radesk.data"), "server", "root.cer"));
		}
		int applications = Math.max(2, sessions / 200);
		// the log-ins arrive over a ramp (Argon2id is a core's work each), then every session stays and polls
		long ramp = Long.getLong("bench.scaleRamp", Math.max(2, sessions / 5)) * 1000;
		long hold = Long.getLong("bench.scaleHold", sessions >= 1000 ? 60 : 12) * 1000;
		Run one = load("https://localhost:" + oneProxy + "/api/v1/", holders.make(applications), ramp, hold);
		Run two = load("https://localhost:" + twoProxy + "/api/v1/", holders.make(applications), ramp, hold);
		int cores = Runtime.getRuntime().availableProcessors();
		Report.detail("scale-out: " + sessions + " TLS sessions all logged in, 2 instances (status calls/s)", two.perSecond(), "1 instance",
				one.perSecond(), "req/s");
		Report.detail("  p99 log-in (Argon2id), 2 instances", two.logIn(), "1 instance", one.logIn(), "ms");
		Report.detail("  p99 status call, 2 instances", two.status(), "1 instance", one.status(), "ms");
		Report.detail("  p99 application on a SoftHSM2 card, 2 instances", two.application(), "1 instance", one.application(), "ms");
		int errors = one.errors() + two.errors();
		Report.note(String.format(Locale.ROOT, "scale-out (%d cores shared by both instances, HAProxy and PostgreSQL): %d sessions logging"
				+ " in over %d s, then each asking every 10 s for %d s; 1 vs 2 instances: %d / %d applications issued, %d / %d calls told"
				+ " to wait (503/429), %d / %d calls retried after a lost connection; errors %d (goal 0) %s", cores, sessions, ramp / 1000,
				hold / 1000, one.applied(), two.applied(), one.waited(), two.waited(), one.retried(), two.retried(), errors,
				errors == 0 ? "MET" : "NOT MET"));
	}

	private Run load(String base, List<CardHolders.Holder> applicants, long ramp, long hold) throws Exception {
		told.set(0);
		Tally tally = new Tally();
		long start = System.currentTimeMillis();
		long holdFrom = start + ramp;
		long end = holdFrom + hold;
		int n = users.size() + applicants.size();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < users.size(); i++) {
				String user = users.get(i);
				long at = start + ramp * i / n;
				done.add(pool.submit(() -> session(base, user, PASSWORD, null, at, holdFrom, end, tally)));
			}
			for (int i = 0; i < applicants.size(); i++) {
				CardHolders.Holder h = applicants.get(i);
				long at = start + ramp * (users.size() + i) / n;
				done.add(pool.submit(() -> session(base, h.account(), h.password(), h, at, holdFrom, end, tally)));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		double seconds = (System.currentTimeMillis() - holdFrom) / 1e3;
		return new Run(tally.held.get() / seconds, ms(tally.logIns), ms(tally.status), ms(tally.applied), tally.errors.get(),
				tally.waited.get(), tally.retried.get(), tally.applied.size());
	}

	private Void session(String base, String account, String password, CardHolders.Holder card, long at, long holdFrom, long end,
			Tally tally) {
		try {
			Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
			long t = System.nanoTime();
			String token = logIn(base, account, password, tally, end + GIVE_UP);
			tally.logIns.add(System.nanoTime() - t);
			if (token == null) {
				tally.errors.incrementAndGet();
				return null;
			}
			if (card != null) {
				t = System.nanoTime();
				int answer = apply(base, token, card);
				tally.applied.add(System.nanoTime() - t);
				tally.errors.addAndGet(answer == 200 ? 0 : 1);
			}
			// a subscriber edition in use: its certificates asked every 10 s (a page opened again), until the hold ends
			while (System.currentTimeMillis() < end) {
				t = System.nanoTime();
				HttpResponse<String> mine = again(tally, () -> send(base, "certificates", null, token));
				while (waitAsTold(mine, tally)) {
					mine = again(tally, () -> send(base, "certificates", null, token));
				}
				tally.status.add(System.nanoTime() - t);
				if (System.currentTimeMillis() >= holdFrom) {
					tally.held.incrementAndGet();
				}
				if (mine.statusCode() != 200) {
					said(account + ": status call answered " + mine.statusCode() + " " + mine.body());
					tally.errors.incrementAndGet();
				}
				Thread.sleep(THINK);
			}
		} catch (Exception e) {
			said(account + ": " + e);
			tally.errors.incrementAndGet();
		}
		return null;
	}

	/**
	 * Captcha and log-in; while the server sheds log-ins (503/429) the same log-in is sent again when
	 * it says, with the same captcha (a shed log-in does not use it up), as the subscriber edition's
	 * user presses again; a new captcha only when the server asks for one. The token, or null.
	 */
	private String logIn(String base, String account, String password, Tally tally, long giveUp) throws Exception {
		String captcha = null;
		while (true) {
			if (System.currentTimeMillis() > giveUp) {
				said(account + ": not logged in by the end of the run");
				return null;
			}
			if (captcha == null) {
				HttpResponse<String> drawn = again(tally, () -> send(base, "captcha", null, null));
				if (drawn.statusCode() != 200) {
					if (!waitAsTold(drawn, tally)) {
						said(account + ": captcha answered " + drawn.statusCode() + " " + drawn.body());
						return null;
					}
					continue;
				}
				captcha = drawn.body();
			}
			String shown = captcha;
			HttpResponse<String> in = again(tally, () -> send(base, "sessions", "{\"account\":\"" + account + "\",\"password\":\""
					+ password + "\",\"captchaId\":\"" + field(shown, "id") + "\",\"captcha\":\"" + field(shown, "answer") + "\"}", null));
			if (in.statusCode() == 200) {
				return field(in.body(), "token");
			}
			if (in.statusCode() == 400 && in.body().contains("CAPTCHA_WRONG")) {
				captcha = null; // expired while waiting: a new one
			} else if (!waitAsTold(in, tally)) {
				said(account + ": log-in answered " + in.statusCode() + " " + in.body());
				return null;
			}
		}
	}

	/** On 503/429: waits as the server says and true; else false. */
	private static boolean waitAsTold(HttpResponse<String> answer, Tally tally) throws InterruptedException {
		if (answer.statusCode() != 503 && answer.statusCode() != 429) {
			return false;
		}
		tally.waited.incrementAndGet(); // the server sheds a burst: an honest client waits as told
		Thread.sleep(1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
		return true;
	}

	@FunctionalInterface
	private interface Call {
		HttpResponse<String> send() throws Exception;
	}

	/** A call whose connection was lost before any answer (a kept connection closed under it) made once more, as a client does. */
	private static HttpResponse<String> again(Tally tally, Call call) throws Exception {
		try {
			return call.send();
		} catch (java.io.IOException lost) {
			tally.retried.incrementAndGet();
			Thread.sleep(500);
			return call.send();
		}
	}

	/** 憑證申請 as the subscriber edition sends it: a key made on the card, its request bound to the card over a fresh challenge. */
	private int apply(String base, String token, CardHolders.Holder h) throws Exception {
		CardTerminal terminal = holders.terminal();
		byte[] challenge = Base64.getDecoder().decode(field(send(base, "challenge", null, null).body(), "challenge"));
		String body;
		try (CardSession card = terminal.open(h.cardSerial(), h.pin().toCharArray())) {
			CardKey key = card.generateKey(KeyKind.EC_P256);
			byte[] csr = CsrBuilder.build(key.publicKey(), h.account(), (alg, data) -> card.sign(key, alg, data));
			byte[] message = CardBinding.message(CardBinding.Purpose.APPLICATION, h.account(), h.cardSerial(), challenge, csr);
			byte[] signature = card.sign(card.authenticationKey().orElseThrow(), CardBinding.ALGORITHM, message);
			Base64.Encoder b64 = Base64.getEncoder();
			body = "{\"cardSerial\":\"" + h.cardSerial() + "\",\"keyId\":\"" + key.idHex() + "\",\"csr\":\"" + b64.encodeToString(csr)
					+ "\",\"challenge\":\"" + b64.encodeToString(challenge) + "\",\"cardSignature\":\"" + b64.encodeToString(signature) + "\"}";
		}
		HttpResponse<String> issued = send(base, "applications", body, token);
		if (issued.statusCode() != 200) {
			said("application of " + h.account() + ": " + issued.statusCode() + " " + issued.body());
		}
		return issued.statusCode();
	}

	private HttpResponse<String> send(String base, String path, String body, String token) throws Exception {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(120));
		if (body != null) {
			r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		}
		if (token != null) {
			r.header("Authorization", "Bearer " + token);
		}
		return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
	}

	private final AtomicInteger told = new AtomicInteger();

	/** The first few failures of a run, word for word (the count goes to the table). */
	private void said(String what) {
		if (told.incrementAndGet() <= 10) {
			System.out.println("  scale-out: " + what);
		}
	}

	private static String field(String json, String name) {
		return json.replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
	}


	private static double ms(List<Long> nanos) {
		return ServerLoadBench.p99(nanos) / 1e6;
	}

	@Override
	public void close() throws Exception {
		servers.close();
	}
}
