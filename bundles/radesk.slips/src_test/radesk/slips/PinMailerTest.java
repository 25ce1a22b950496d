package radesk.slips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slips as a reader of the PDF sees them: pdftotext gets the Chinese text and the secret back. */
class PinMailerTest {

	@TempDir
	Path dir;

	private String pdftotext(byte[] pdf, String name) throws Exception {
		Path file = Files.write(dir.resolve(name + ".pdf"), pdf);
		Process p = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").redirectErrorStream(true).start();
		String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(30, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), text);
		return text;
	}

	@Test
	void aCardPinSlipCarriesTheAddressTheInstructionsAndThePin() throws Exception {
		char[] pin = "73915026".toCharArray();
		Slip slip = new Slip(Slip.Kind.CARD_PIN, "總部 RA 櫃檯", "王小明", List.of("100 臺北市中正區重慶南路一段 122 號"), "RD0012345678",
				pin, Instant.parse("2026-11-24T08:00:00Z"));
		String text = pdftotext(PinMailer.render(slip), "pin");
		assertTrue(text.contains("晶片卡密碼單"), text);
		assertTrue(text.contains("王小明"), text);
		assertTrue(text.contains("重慶南路一段"), text);
		assertTrue(text.contains("若輸入錯誤超過三次將被鎖卡"), text);
		assertTrue(text.contains("RD0012345678"), text);
		assertTrue(text.contains("73915026"), text);
		assertTrue(text.contains("2026-11-24 16:00"), "printed time in Taipei: " + text);
		assertEquals("\0".repeat(8), new String(pin), "the secret is wiped after drawing");
	}

	@Test
	void aWebsitePasswordSlipCarriesTheAccountAndPassword() throws Exception {
		Slip slip = new Slip(Slip.Kind.WEBSITE_PASSWORD, "總部 RA 櫃檯", "陳美玲", List.of(), "ra48213375",
				"Kx7mPq2wTz9a".toCharArray(), Instant.now());
		String text = pdftotext(PinMailer.render(slip), "password");
		assertTrue(text.contains("憑證作業網站密碼單"), text);
		assertTrue(text.contains("ra48213375"), text);
		assertTrue(text.contains("Kx7mPq2wTz9a"), text);
		assertTrue(text.contains("網站密碼修改"), text);
	}

	@Test
	void theFontIsEmbeddedSoAnyPrinterShowsTheChinese() throws Exception {
		Path file = Files.write(dir.resolve("fonts.pdf"), PinMailer.render(new Slip(Slip.Kind.CARD_PIN, "RA", "林", List.of(), "RD1",
				"12345678".toCharArray(), Instant.now())));
		Process p = new ProcessBuilder("pdffonts", file.toString()).redirectErrorStream(true).start();
		String fonts = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor(30, TimeUnit.SECONDS);
		assertTrue(fonts.contains("WenQuanYiMicroHei") && fonts.matches("(?s).*yes\\s+yes.*"), fonts);
	}
}
