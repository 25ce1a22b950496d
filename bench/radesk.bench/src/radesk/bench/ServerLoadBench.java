package radesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;


import radesk.pki.PasswordHasher;
import radesk.store.Database;

/**
 * 200 concurrent subscriber sessions against one RA server on loopback, over real TLS: each logs
 * in (a captcha, then Argon2id checks the password) and then makes 20 status calls (its certificates). Reports
 * throughput, p99 latency of each kind of call and the errors (the goal: none). The peer for the
 * status calls is the same number of TLS round trips to the server's health check, which touches
 * no records.
 */
final class ServerLoadBench {

	private final Database db;
	private final Path data;
	private final radesk.server.RaServerEndpoint server;
	/** The subscribers made by the first round, for every round. */
	private List<String> users;

	/** {@code server}: the product's RA server in this runtime (its captcha answers disclosed on loopback). */
	ServerLoadBench(Database db, Path data, radesk.server.RaServerEndpoint server) {
		this.db = db;
		this.data = data;
		this.server = server;
	}

	void run(int sessions) throws Exception {
		String password = "Load-test-2026";
		if (users == null) {
			users = Subscribers.make(db, "lo", sessions, new PasswordHasher(new SecureRandom()).hash(password.toCharArray()));
		}
		HttpClient client = client(data.resolve("server").resolve("root.cer"));
		String base = "https://localhost:" + server.port() + "/api/v1/";

		List<Long> logIns = Collections.synchronizedList(new ArrayList<>());
		List<Long> status = Collections.synchronizedList(new ArrayList<>());
		List<Long> health = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger busy = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(sessions);
		long start = System.nanoTime();
		List<Future<?>> done = new ArrayList<>();
		for (String user : users) {
			done.add(pool.submit(() -> {
				try {
					long t = System.nanoTime();
					HttpResponse<String> in;
					while (true) {
						// a fresh captcha for each try, as the subscriber edition shows one: a waited-on one may have expired
						String captcha = client.send(HttpRequest.newBuilder(URI.create(base + "captcha")).build(),
								HttpResponse.BodyHandlers.ofString()).body();
						String captchaId = captcha.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
						String answer = captcha.replaceAll(".*\"answer\":\"([^\"]+)\".*", "$1");
						in = client.send(HttpRequest.newBuilder(URI.create(base + "sessions")).header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers.ofString("{\"account\":\"" + user + "\",\"password\":\"" + password
										+ "\",\"captchaId\":\"" + captchaId + "\",\"captcha\":\"" + answer + "\"}"))
								.build(), HttpResponse.BodyHandlers.ofString());
						if (in.statusCode() != 503 && in.statusCode() != 429) {
							break;
						}
						// the server sheds a burst of log-ins (Argon2id, one per core): an honest client waits as told
						busy.incrementAndGet();
						Thread.sleep(1000L * Long.parseLong(in.headers().firstValue("Retry-After").orElse("1")));
					}
					logIns.add(System.nanoTime() - t);
					if (in.statusCode() != 200) {
						errors.incrementAndGet();
						return null;
					}
					String token = in.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
					for (int i = 0; i < 20; i++) {
						t = System.nanoTime();
						HttpResponse<String> mine = client.send(HttpRequest.newBuilder(URI.create(base + "certificates"))
								.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
						status.add(System.nanoTime() - t);
						if (mine.statusCode() != 200) {
							errors.incrementAndGet();
						}
						t = System.nanoTime();
						HttpResponse<String> up = client.send(HttpRequest.newBuilder(URI.create(base + "health")).build(),
								HttpResponse.BodyHandlers.ofString());
						health.add(System.nanoTime() - t);
						if (up.statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
				} catch (Exception e) {
					errors.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> f : done) {
			f.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		// each log-in try is a captcha and a log-in; the tries told to wait count too
		int requests = 2 * (logIns.size() + busy.get()) + status.size() + health.size();
		Report.note(String.format(java.util.Locale.ROOT,
				"server load: %d concurrent TLS sessions, %d HTTPS requests in %.1f s = %.0f req/s, %d log-ins told to wait (503),"
						+ " errors %d (goal 0) %s; p99 log-in (Argon2id) %.0f ms",
				sessions, requests, seconds, requests / seconds, busy.get(), errors.get(), errors.get() == 0 ? "MET" : "NOT MET",
				p99(logIns) / 1e6));
		Report.detail("  p99 status call (certificates)", p99(status) / 1e6, "health check, same TLS", p99(health) / 1e6, "ms");
	}

	/** The 99th percentile of {@code nanos}, in nanoseconds (NaN for none); the load benchmarks share it. */
	static double p99(List<Long> nanos) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
	}

	/** An HTTPS client trusting only the RA's TLS root, HTTP/1.1 as the editions speak it; the load benchmarks share it. */
	static HttpClient client(Path root) throws Exception {
		return HttpClient.newBuilder().sslContext(radesk.core.TrustedRoot.tlsContext(root)).version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(java.time.Duration.ofSeconds(30)).build();
	}
}
