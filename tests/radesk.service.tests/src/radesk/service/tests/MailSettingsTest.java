package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import radesk.notify.MailSettings;

/** The operator's smtp.properties as the notices job reads it: what it accepts, and what it refuses in words. */
class MailSettingsTest {

	private static MailSettings read(String text) throws IOException {
		Path data = Files.createTempDirectory("mail-settings");
		Files.createDirectories(MailSettings.folder(data));
		Files.writeString(MailSettings.folder(data).resolve("smtp.properties"), text, StandardCharsets.UTF_8);
		return MailSettings.load(data).orElseThrow();
	}

	@Test
	void connectionsDefaultToFourAndStayBetweenOneAndSixteen() throws Exception {
		String base = "host = 127.0.0.1\nport = 2525\nsecurity = none\nsender = ra@radesk.test\n";
		assertEquals(4, read(base).connections());
		assertEquals(16, read(base + "connections = 16\n").connections());
		for (String wrong : new String[] { "0", "17", "-1", "many", "" }) {
			IOException refused = assertThrows(IOException.class, () -> read(base + "connections = " + wrong + "\n"), wrong);
			assertTrue(refused.getMessage().endsWith("connections is a number from 1 to 16"), refused.getMessage());
		}
	}

	@Test
	void mailInTheClearOnlyToThisMachine() {
		IOException refused = assertThrows(IOException.class,
				() -> read("host = 192.0.2.10\nsecurity = none\nsender = ra@radesk.test\n"));
		assertTrue(refused.getMessage().contains("only for a relay on this machine"), refused.getMessage());
	}
}
