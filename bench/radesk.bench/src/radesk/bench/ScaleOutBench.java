package radesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
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
 * one {@code radesk-server} instance, then to two on the same PostgreSQL: each logs in (captcha,
 * Argon2id) and makes 10 status calls; some of them (holders of a SoftHSM2 card personalized at the
 * counter) apply for a certificate on their card as well. Throughput and p99 of each kind of call
 * for one and for two instances side by side, and the errors (the goal: none, after waiting as
 * told on 503/429). On one machine both instances share its cores: the table says how many.
 */
final class ScaleOutBench implements AutoCloseable {

	private static final String PASSWORD = "Scale-out-2026";
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

	/** The numbers of one load run. */
	private record Run(double perSecond, double logIn, double status, double application, int errors, int waited, int applied) {
	}

	void run(int sessions) throws Exception {
		if (users == null) {
			users = Subscribers.make(db, "so", sessions, new PasswordHasher(new SecureRandom()).hash(PASSWORD.toCharArray()));
			int a = servers.start();
			int b = servers.start();
			oneProxy = servers.proxy(a);
			twoProxy = servers.proxy(a, b);
			client = HttpClient.newBuilder().sslContext(radesk.core.TrustedRoot.tlsContext(
					Path.of(System.getProperty("radesk.data"), "server", "root.cer"))).version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(java.time.Duration.ofSeconds(30)).build();
		}
		int applications = Math.max(2, sessions / 200);
		Run one = load("https://localhost:" + oneProxy + "/api/v1/", holders.make(applications));
		Run two = load("https://localhost:" + twoProxy + "/api/v1/", holders.make(applications));
		int cores = Runtime.getRuntime().availableProcessors();
		Report.detail("scale-out: " + sessions + " TLS sessions, 2 instances (req/s)", two.perSecond(), "1 instance", one.perSecond(), "req/s");
		Report.detail("  p99 log-in (Argon2id), 2 instances", two.logIn(), "1 instance", one.logIn(), "ms");
		Report.detail("  p99 status call, 2 instances", two.status(), "1 instance", one.status(), "ms");
		Report.detail("  p99 application on a SoftHSM2 card, 2 instances", two.application(), "1 instance", one.application(), "ms");
		int errors = one.errors() + two.errors();
		Report.note(String.format(Locale.ROOT, "scale-out (%d cores shared by both instances, HAProxy, PostgreSQL): %d sessions, %d and %d"
				+ " applications issued, %d and %d log-ins told to wait; errors %d (goal 0) %s", cores, sessions, one.applied(), two.applied(),
				one.waited(), two.waited(), errors, errors == 0 ? "MET" : "NOT MET"));
	}

	private Run load(String base, List<CardHolders.Holder> applicants) throws Exception {
		List<Long> logIns = Collections.synchronizedList(new ArrayList<>());
		List<Long> status = Collections.synchronizedList(new ArrayList<>());
		List<Long> applied = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger waited = new AtomicInteger();
		AtomicInteger requests = new AtomicInteger();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> done = new ArrayList<>();
			for (String user : users) {
				done.add(pool.submit(() -> session(base, user, PASSWORD, null, logIns, status, applied, errors, waited, requests)));
			}
			for (CardHolders.Holder h : applicants) {
				done.add(pool.submit(() -> session(base, h.account(), h.password(), h, logIns, status, applied, errors, waited, requests)));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Run(requests.get() / seconds, p99(logIns), p99(status), p99(applied), errors.get(), waited.get(), applied.size());
	}

	private Void session(String base, String account, String password, CardHolders.Holder card, List<Long> logIns, List<Long> status,
			List<Long> applied, AtomicInteger errors, AtomicInteger waited, AtomicInteger requests) {
		try {
			long t = System.nanoTime();
			HttpResponse<String> in;
			while (true) {
				String captcha = send(base, "captcha", null, null, requests).body();
				in = send(base, "sessions", "{\"account\":\"" + account + "\",\"password\":\"" + password + "\",\"captchaId\":\""
						+ field(captcha, "id") + "\",\"captcha\":\"" + field(captcha, "answer") + "\"}", null, requests);
				if (in.statusCode() != 503 && in.statusCode() != 429) {
					break;
				}
				waited.incrementAndGet(); // the server sheds a burst of log-ins: an honest client waits as told
				Thread.sleep(1000L * Long.parseLong(in.headers().firstValue("Retry-After").orElse("1")));
			}
			logIns.add(System.nanoTime() - t);
			if (in.statusCode() != 200) {
				errors.incrementAndGet();
				return null;
			}
			String token = field(in.body(), "token");
			for (int i = 0; i < 10; i++) {
				t = System.nanoTime();
				int answer = send(base, "certificates", null, token, requests).statusCode();
				status.add(System.nanoTime() - t);
				errors.addAndGet(answer == 200 ? 0 : 1);
			}
			if (card != null) {
				t = System.nanoTime();
				int answer = apply(base, token, card, requests);
				applied.add(System.nanoTime() - t);
				errors.addAndGet(answer == 200 ? 0 : 1);
			}
		} catch (Exception e) {
			System.out.println("  scale-out: " + account + ": " + e);
			errors.incrementAndGet();
		}
		return null;
	}

	/** 憑證申請 as the subscriber edition sends it: a key made on the card, its request bound to the card over a fresh challenge. */
	private int apply(String base, String token, CardHolders.Holder h, AtomicInteger requests) throws Exception {
		CardTerminal terminal = holders.terminal();
		byte[] challenge = Base64.getDecoder().decode(field(send(base, "challenge", null, null, requests).body(), "challenge"));
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
		HttpResponse<String> issued = send(base, "applications", body, token, requests);
		if (issued.statusCode() != 200) {
			System.out.println("  scale-out: application of " + h.account() + ": " + issued.statusCode() + " " + issued.body());
		}
		return issued.statusCode();
	}

	private HttpResponse<String> send(String base, String path, String body, String token, AtomicInteger requests) throws Exception {
		HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(java.time.Duration.ofSeconds(120));
		if (body != null) {
			r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		}
		if (token != null) {
			r.header("Authorization", "Bearer " + token);
		}
		requests.incrementAndGet();
		return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String field(String json, String name) {
		return json.replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
	}

	private static double p99(List<Long> nanos) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
	}

	@Override
	public void close() throws Exception {
		servers.close();
	}
}
