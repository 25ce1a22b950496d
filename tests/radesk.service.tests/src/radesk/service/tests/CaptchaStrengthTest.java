package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.testing.SoftHsm;

/**
 * 驗證碼 against off-the-shelf OCR (security review L10): the server's captchas, as GET /captcha
 * hands them out, read by tesseract 5 (one line, digits only) as they are and after the usual
 * clean-up (grey, threshold, median, enlarged by ImageMagick). The earlier five plain digits were
 * read 68-78% of the time this way; a captcha that OCR reads more than once in twenty fails.
 */
class CaptchaStrengthTest {

	private static final int SAMPLES = 40;

	@BeforeAll
	static void connect() throws Exception {
		ServerApiTest.connect();
	}

	@Test
	void offTheShelfOcrReadsAlmostNone() throws Exception {
		Path dir = Files.createTempDirectory("captcha-ocr");
		int plain = 0;
		int cleaned = 0;
		List<String> read = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			String body = ServerApiTest.get("captcha", null).body();
			String answer = ServerApiTest.field(body, "answer");
			assertTrue(answer != null && answer.matches("\\d{6}"), "six digits: " + body);
			Path png = Files.write(dir.resolve("c" + i + ".png"), Base64.getDecoder().decode(ServerApiTest.field(body, "png")));
			String first = ocr(png);
			Path clean = dir.resolve("p" + i + ".png");
			SoftHsm.run("convert", png.toString(), "-colorspace", "gray", "-threshold", "45%", "-median", "3", "-resize", "300%",
					clean.toString());
			String second = ocr(clean);
			plain += first.equals(answer) ? 1 : 0;
			cleaned += second.equals(answer) ? 1 : 0;
			read.add(answer + " read as " + first + " / " + second);
		}
		System.out.println("captcha OCR: tesseract read " + plain + " of " + SAMPLES + " as they are, " + cleaned
				+ " after clean-up (goal: at most " + SAMPLES / 20 + ")");
		assertTrue(plain <= SAMPLES / 20 && cleaned <= SAMPLES / 20, "OCR reads the captcha: " + read);
	}

	/** What tesseract reads (its notes on stderr left out: they carry digits of their own). */
	private static String ocr(Path png) throws Exception {
		Process p = new ProcessBuilder("tesseract", png.toString(), "-", "--psm", "7", "-c", "tessedit_char_whitelist=0123456789")
				.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "tesseract finished");
		return out.replaceAll("[^0-9]", "");
	}
}
