package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The bundle table of DESIGN.md as a test: every bundle's manifest may import (Import-Package,
 * Require-Bundle) only the RA Desk bundles its row allows. A row names what a bundle may use; a
 * bundle missing from the table fails, so a new one is placed in it on purpose.
 */
class LayeringTest {

	/** May depend on: DESIGN.md's table, as the bundles are today (see the note of issue 11 for the rows changed). */
	private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
			Map.entry("radesk.core", Set.of()),
			Map.entry("radesk.api", Set.of("radesk.core")),
			Map.entry("radesk.api.staff", Set.of("radesk.core", "radesk.api")),
			Map.entry("radesk.store", Set.of("radesk.core")),
			Map.entry("radesk.pki", Set.of("radesk.core")),
			// the card layer implements the api's CardReaders and refuses with its CardAccessException
			Map.entry("radesk.card", Set.of("radesk.core", "radesk.api")),
			Map.entry("radesk.slips", Set.of("radesk.core")),
			Map.entry("radesk.notify", Set.of("radesk.core", "radesk.store")),
			// the request is built and signed with pki's CsrBuilder over the card's KeySigner
			Map.entry("radesk.flows", Set.of("radesk.core", "radesk.api", "radesk.card", "radesk.pki")),
			Map.entry("radesk.flows.counter", Set.of("radesk.core", "radesk.api", "radesk.api.staff", "radesk.card")),
			Map.entry("radesk.service", Set.of("radesk.core", "radesk.api", "radesk.api.staff", "radesk.store", "radesk.pki",
					"radesk.slips", "radesk.notify")),
			Map.entry("radesk.wire", Set.of("radesk.core", "radesk.api")),
			Map.entry("radesk.wire.staff", Set.of("radesk.core", "radesk.api", "radesk.api.staff", "radesk.wire")),
			// the server makes its own TLS certificate under the RA's CA (pki)
			Map.entry("radesk.server", Set.of("radesk.core", "radesk.api", "radesk.api.staff", "radesk.service", "radesk.wire",
					"radesk.wire.staff", "radesk.pki")),
			Map.entry("radesk.client", Set.of("radesk.core", "radesk.api", "radesk.wire")),
			Map.entry("radesk.remote", Set.of("radesk.core", "radesk.api", "radesk.api.staff", "radesk.wire", "radesk.wire.staff",
					"radesk.client")),
			Map.entry("radesk.logging.slf4j", Set.of()),
			Map.entry("radesk.logging.slf4j1", Set.of()),
			// the status line and 設定 show and set the server's address (client)
			Map.entry("radesk.ui.common", Set.of("radesk.core", "radesk.api", "radesk.client")),
			// slips are printed at the workstation
			Map.entry("radesk.ui.counter", Set.of("radesk.core", "radesk.api", "radesk.api.staff", "radesk.flows.counter",
					"radesk.ui.common", "radesk.client", "radesk.slips")),
			Map.entry("radesk.ui.subscriber", Set.of("radesk.core", "radesk.api", "radesk.flows", "radesk.ui.common", "radesk.client")));

	/**
	 * Uses the table does not allow yet, each to go when its cause is mended; the test fails when one is
	 * gone (strike it here) as much as when a new one comes.
	 */
	private static final Set<String> KNOWN = Set.of(
			// the store returns api value types (RegistrationSummary, IssuedCertificate): rows of its own to come
			"radesk.store -> radesk.api", "radesk.store -> radesk.api.staff",
			// the subscriber edition hands its CardTerminal to the flows, and 晶片卡狀態 (PIN change) and 環境檢測
			// still open the card themselves: flows of their own to come
			"radesk.ui.subscriber -> radesk.card");

	@Test
	void everyBundleUsesOnlyWhatTheTableAllows() throws Exception {
		Map<String, Manifest> manifests = new TreeMap<>();
		try (Stream<Path> bundles = Files.list(Path.of("..", "..", "bundles"))) {
			for (Path b : bundles.filter(p -> Files.exists(p.resolve("META-INF/MANIFEST.MF"))).toList()) {
				try (InputStream in = Files.newInputStream(b.resolve("META-INF/MANIFEST.MF"))) {
					manifests.put(b.getFileName().toString(), new Manifest(in));
				}
			}
		}
		assertTrue(manifests.size() >= 15, "the bundles were found: " + manifests.keySet());
		Map<String, String> owner = new HashMap<>();
		manifests.forEach((bundle, m) -> names(m.getMainAttributes().getValue("Export-Package")).forEach(p -> owner.put(p, bundle)));
		Set<String> uses = new TreeSet<>();
		List<String> unknown = new ArrayList<>();
		manifests.forEach((bundle, m) -> {
			if (!ALLOWED.containsKey(bundle)) {
				unknown.add(bundle);
			}
			Attributes a = m.getMainAttributes();
			for (String p : names(a.getValue("Import-Package"))) {
				String from = owner.get(p);
				if (from != null && !from.equals(bundle)) {
					uses.add(bundle + " -> " + from);
				}
			}
			for (String r : names(a.getValue("Require-Bundle"))) {
				if (r.startsWith("radesk.")) {
					uses.add(bundle + " -> " + r);
				}
			}
		});
		assertEquals(List.of(), unknown, "every bundle has a row in the table");
		Set<String> breaking = new TreeSet<>();
		for (String use : uses) {
			String[] ends = use.split(" -> ");
			if (!ALLOWED.get(ends[0]).contains(ends[1])) {
				breaking.add(use);
			}
		}
		Set<String> mended = new TreeSet<>(KNOWN);
		mended.removeAll(breaking);
		assertEquals(Set.of(), mended, "known breaks of the table that are mended: strike them from KNOWN");
		breaking.removeAll(KNOWN);
		assertEquals(Set.of(), breaking, "imports the bundle table does not allow");
	}

	/** The names of a manifest header's clauses (packages or bundles), attributes and directives left off. */
	private static List<String> names(String header) {
		List<String> names = new ArrayList<>();
		if (header == null) {
			return names;
		}
		boolean quoted = false;
		StringBuilder clause = new StringBuilder();
		for (char ch : (header + ",").toCharArray()) {
			if (ch == '"') {
				quoted = !quoted;
			}
			if (ch == ',' && !quoted) {
				String name = clause.toString().split(";")[0].strip();
				if (!name.isEmpty()) {
					names.add(name);
				}
				clause.setLength(0);
			} else {
				clause.append(ch);
			}
		}
		return names;
	}
}
