package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import radesk.store.Database;

/**
 * kill -9 in the middle of concurrent issuance with records committed in groups: every certificate
 * handed out before the kill (its record's commit had returned) is in the records afterwards —
 * never a certificate out in the world that the RA does not know of.
 */
class ConcurrentIssuanceCrashTest {

	@Test
	void everyCertificateHandedOutBeforeAKillIsRecorded() throws Exception {
		Set<String> handed = ConcurrentHashMap.newKeySet();
		Path caFolder = Files.createTempDirectory("load-ca");
		Services.stopRa();
		try {
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					ChildProcess.classPath(), "-Dradesk.data=" + System.getProperty("radesk.data"), CrashChild.class.getName(), "issuing",
					caFolder.toString(), "8"));
			command.addAll(1, ChildProcess.databaseOptions());
			Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
			StringBuilder other = new StringBuilder();
			Thread reader = new Thread(() -> {
				try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
					for (String line = r.readLine(); line != null; line = r.readLine()) {
						if (line.matches("HANDED [0-9a-f]{2,40}")) {
							handed.add(line.substring(7));
						} else if (other.length() < 10_000) {
							other.append(line).append('\n');
						}
					}
				} catch (java.io.IOException ended) {
					// the child was killed
				}
			});
			reader.start();
			long deadline = System.currentTimeMillis() + 120_000;
			while (handed.size() < 600 && child.isAlive() && System.currentTimeMillis() < deadline) {
				Thread.sleep(20);
			}
			assertTrue(child.isAlive(), "the issuing child ended early:\n" + other);
			assertTrue(handed.size() >= 600, "the child handed out only " + handed.size() + " certificates:\n" + other);
			child.destroyForcibly(); // kill -9, in the middle of the load
			assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child survived kill -9");
			reader.join(10_000);
		} finally {
			Services.startRa();
		}
		List<String> missing = new ArrayList<>();
		try (Connection c = Services.await(Database.class).connect();
				PreparedStatement ps = c.prepareStatement("select count(*) from certificate where serial = ?")) {
			for (String serial : handed) {
				ps.setString(1, serial);
				try (ResultSet rs = ps.executeQuery()) {
					rs.next();
					if (rs.getInt(1) != 1) {
						missing.add(serial);
					}
				}
			}
		}
		assertEquals(List.of(), missing, "of " + handed.size() + " certificates handed out, these have no record");
	}
}
