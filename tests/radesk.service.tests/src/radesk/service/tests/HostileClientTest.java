package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import radesk.server.RaServerEndpoint;

/**
 * The RA server under hostile clients, spoken to with raw sockets as an attacker would: idle and
 * slow connections, oversized and deeply nested bodies without a session, a flood from one
 * address. Meanwhile the health check answers within a second and an honest request is served.
 */
class HostileClientTest {

	private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);

	private final List<Socket> held = new ArrayList<>();
	private SSLContext tls;
	private int port;
	private int staffPort;

	@BeforeEach
	void connect() throws Exception {
		port = Services.await(RaServerEndpoint.class).port();
		staffPort = Services.await(RaServerEndpoint.class).staffPort();
		tls = radesk.core.TrustedRoot.tlsContext(Path.of(System.getProperty("radesk.data"), "server", "root.cer"));
	}

	@AfterEach
	void release() {
		for (Socket s : held) {
			try {
				s.close();
			} catch (IOException e) {
				// already closed by the server: that is what it should do
			}
		}
	}

	private SSLSocket tlsSocket() throws IOException {
		return tlsSocket(port);
	}

	private SSLSocket tlsSocket(int to) throws IOException {
		SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", to);
		s.setSoTimeout(15_000);
		s.startHandshake();
		return s;
	}

	/** Sends one request and reads the status line's code (or -1 when the server closed first). */
	private int exchange(String request, byte[] body) throws IOException {
		// a staff route goes to the staff listener, as a connected counter sends it
		try (SSLSocket s = tlsSocket(request.contains(" /api/v1/staff/") ? staffPort : port)) {
			OutputStream out = s.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			try {
				out.write(body);
				out.flush();
			} catch (IOException e) {
				// the server may refuse and close before the whole body is sent
			}
			InputStream in = s.getInputStream();
			byte[] head = in.readNBytes(12);
			return head.length < 12 ? -1 : Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
		}
	}

	private static String post(String path, int length) {
		return "POST /api/v1/" + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: " + length
				+ "\r\nConnection: close\r\n\r\n";
	}

	/** The health check's time in nanoseconds; fails unless it answered 200. */
	private long health() throws IOException {
		long start = System.nanoTime();
		assertEquals(200, exchange("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0]));
		return System.nanoTime() - start;
	}

	@Test
	void idleAndOneByteConnectionsDoNotStopTheServer() throws Exception {
		for (int i = 0; i < 400; i++) {
			held.add(new Socket("127.0.0.1", port));
		}
		for (int i = 0; i < 60; i++) {
			SSLSocket s = tlsSocket();
			s.getOutputStream().write('P');
			s.getOutputStream().flush();
			held.add(s);
		}
		assertTrue(health() < SECOND_NS, "the health check answers within a second beside 460 idle or slow connections");
		assertEquals(200, exchange("GET /api/v1/challenge HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0]),
				"an honest request is served meanwhile");
	}

	@Test
	void oversizedBodiesWithoutSessionAreRefusedBeforeTheyAreRead() throws Exception {
		byte[] big = new byte[8 * 1024 * 1024];
		java.util.Arrays.fill(big, (byte) 'x');
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				String path = i % 2 == 0 ? "sessions" : "staff/registrations/postal-import";
				answers.add(pool.submit(() -> exchange(post(path, big.length), big)));
			}
			for (int i = 0; i < answers.size(); i++) {
				int status = answers.get(i).get(60, TimeUnit.SECONDS);
				// the log-in is refused as too large; the mailroom's import (the one route taking 8 MiB) wants a session first
				int refused = i % 2 == 0 ? 413 : 401;
				assertTrue(status == refused || status == -1, "an 8 MiB body without a session is refused (" + refused
						+ ") or cut off: " + status);
			}
		} finally {
			pool.shutdownNow();
		}
		// without a declared length (chunked), the cap holds as the bytes arrive
		String chunked = "POST /api/v1/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
				+ "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
		StringBuilder chunks = new StringBuilder();
		for (int i = 0; i < 40; i++) {
			chunks.append("400\r\n").append("x".repeat(1024)).append("\r\n");
		}
		chunks.append("0\r\n\r\n");
		assertEquals(413, exchange(chunked, chunks.toString().getBytes(StandardCharsets.US_ASCII)));
		assertTrue(health() < SECOND_NS);
	}

	@Test
	void deeplyNestedAndMalformedBodiesAreRefusedInWords() throws Exception {
		byte[] nested = "[".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
		assertEquals(400, exchange(post("sessions", nested.length), nested));
		byte[] objects = ("{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)).getBytes(StandardCharsets.US_ASCII);
		assertEquals(400, exchange(post("card-sessions", objects.length), objects));
		byte[] truncated = "{\"account\":\"a".getBytes(StandardCharsets.US_ASCII);
		assertEquals(400, exchange(post("sessions", truncated.length), truncated));
		assertEquals(400, exchange("GARBAGE\r\n\r\n", new byte[0]));
		assertTrue(health() < SECOND_NS);
	}

	@Test
	void aFloodFromOneAddressLeavesTheHealthCheckAndHonestClientsServed() throws Exception {
		byte[] logIn = "{\"account\":\"nobody\",\"captchaId\":\"x\",\"captcha\":\"1\",\"password\":\"guess\"}"
				.getBytes(StandardCharsets.US_ASCII);
		Map<Integer, Integer> codes = new ConcurrentHashMap<>();
		ExecutorService flood = Executors.newFixedThreadPool(64);
		try {
			for (int i = 0; i < 1_500; i++) {
				flood.execute(() -> {
					try {
						codes.merge(exchange(post("sessions", logIn.length), logIn), 1, Integer::sum);
					} catch (IOException e) {
						codes.merge(-1, 1, Integer::sum);
					}
				});
			}
			long worst = 0;
			for (int i = 0; i < 5; i++) {
				worst = Math.max(worst, health());
				assertEquals(200, exchange("GET /api/v1/challenge HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0]));
			}
			assertTrue(worst < SECOND_NS, "the health check answers within a second during the flood: " + worst / 1_000_000 + " ms");
		} finally {
			flood.shutdown();
			assertTrue(flood.awaitTermination(120, TimeUnit.SECONDS));
		}
		// every flooded log-in was refused (a wrong captcha, or shed as busy), none granted
		codes.keySet().forEach(c -> assertTrue(c == 400 || c == 429 || c == 503, "flood answer " + c + " in " + codes));
	}
}
