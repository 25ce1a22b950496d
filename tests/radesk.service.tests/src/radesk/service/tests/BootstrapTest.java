package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A fresh RA server's first administrator (security review M2): never by a network call alone.
 * The server, in a JVM of its own on an empty data folder as at an installation's first start,
 * prints a one-time code on its console; only that code creates the administrator, once, also
 * when two requests race with it; no code, a wrong one, or the used one gets nothing.
 */
class BootstrapTest {

	private static final Pattern CODE = Pattern.compile("one-time code: ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})");

	private static String firstAdministrator(String code, String account) {
		return "{" + (code == null ? "" : "\"setupCode\":\"" + code + "\",") + "\"account\":\"" + account
				+ "\",\"displayName\":\"系統管理者\",\"password\":\"first-Admin-2026\",\"workstation\":\"host\"}";
	}

	@Test
	void onlyTheCodeShownOnTheServersHostCreatesTheFirstAdministratorOnce() throws Exception {
		Path data = Files.createTempDirectory("fresh-ra");
		try (ChildProcess.Server server = ChildProcess.freshServer(data)) {
			Matcher shown = CODE.matcher(server.console());
			assertTrue(shown.find(), "the code is on the server's console: " + server.console());
			String code = shown.group(1);
			Path logs = data.resolve("server").resolve("logs");
			if (Files.isDirectory(logs)) {
				try (var files = Files.list(logs)) {
					for (Path log : files.toList()) {
						assertFalse(Files.readString(log).contains(code), "never in a log: " + log);
					}
				}
			}
			HttpClient http = radesk.client.Https.client(data.resolve("server").resolve("root.cer"));
			String address = server.staffAddress();
			Sender post = body -> http.send(HttpRequest.newBuilder(URI.create(address + "staff/first-administrator"))
					.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());

			assertTrue(http.send(HttpRequest.newBuilder(URI.create(address + "staff/first-administrator")).GET().build(),
					HttpResponse.BodyHandlers.ofString()).body().contains("true"), "the server has no administrator");
			HttpResponse<String> none = post.send(firstAdministrator(null, "net.admin"));
			assertEquals(400, none.statusCode(), "no code: " + none.body());
			HttpResponse<String> wrong = post.send(firstAdministrator("AAAA-BBBB-CCCC-DDDD", "net.admin"));
			assertEquals(403, wrong.statusCode(), wrong.body());
			assertTrue(wrong.body().contains("SETUP_CODE_INVALID"), wrong.body());
			HttpResponse<String> garbage = post.send(firstAdministrator("not a code", "net.admin"));
			assertEquals(403, garbage.statusCode(), garbage.body());

			// two workstations race with the right code: exactly one becomes the administrator
			ExecutorService two = Executors.newFixedThreadPool(2);
			List<Future<HttpResponse<String>>> racing = new ArrayList<>();
			for (String account : List.of("first.admin", "rival.admin")) {
				Callable<HttpResponse<String>> attempt = () -> post.send(firstAdministrator(code.toLowerCase(), account));
				racing.add(two.submit(attempt));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResponse<String>> f : racing) {
				statuses.add(f.get().statusCode());
			}
			two.shutdown();
			assertEquals(List.of(200, 403), statuses.stream().sorted().toList(), "one administrator: " + statuses);
			HttpResponse<String> again = post.send(firstAdministrator(code, "late.admin"));
			assertEquals(403, again.statusCode(), "the code works once: " + again.body());
			assertTrue(http.send(HttpRequest.newBuilder(URI.create(address + "staff/first-administrator")).GET().build(),
					HttpResponse.BodyHandlers.ofString()).body().contains("false"));
		}
	}

	interface Sender {
		HttpResponse<String> send(String body) throws Exception;
	}
}
