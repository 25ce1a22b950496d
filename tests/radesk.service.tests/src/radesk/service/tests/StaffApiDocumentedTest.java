package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import radesk.wire.Route;
import radesk.wire.staff.StaffApi;

/** Every route of the staff API is in openapi.yaml with each field of its body, and openapi.yaml names no staff route the server lacks. */
class StaffApiDocumentedTest {

	private static final Set<String> SESSION_ROUTES = Set.of("staff/first-administrator", "staff/sessions");

	@Test
	void theDocumentAndTheRoutesAgree() throws Exception {
		String yaml = Files.readString(Path.of("..", "..", "bundles", "radesk.server", "api", "openapi.yaml"), StandardCharsets.UTF_8);
		Set<String> documented = new TreeSet<>();
		Matcher m = Pattern.compile("(?m)^  /(staff/[^:]+):$").matcher(yaml);
		while (m.find()) {
			documented.add(m.group(1));
		}
		documented.removeAll(SESSION_ROUTES);
		Set<String> routed = new TreeSet<>();
		for (Route<?, ?> route : StaffApi.ALL) {
			routed.add(route.path());
			int at = yaml.indexOf("  /" + route.path() + ":\n");
			assertTrue(at >= 0, route.path() + " is documented");
			int end = yaml.indexOf("\n  /", at + 3);
			String entry = yaml.substring(at, end < 0 ? yaml.length() : end);
			for (java.lang.reflect.RecordComponent c : route.request().getRecordComponents()) {
				assertTrue(entry.contains(c.getName() + ":"), route.path() + " documents its field " + c.getName() + ":\n" + entry);
			}
		}
		assertEquals(routed, documented, "the staff routes of openapi.yaml are the server's");
	}
}
