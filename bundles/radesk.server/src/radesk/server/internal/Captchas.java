package radesk.server.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

/**
 * 驗證碼 for the password log-in: five random digits drawn with noise as a PNG, good for one
 * attempt within five minutes. Only the RA's records know the answer (a hash of it, a row every
 * server of the RA shares); a test server bound to the loopback address may disclose it
 * ({@code -Dradesk.server.captcha=disclosed}) so that tests can log in — never a server that
 * listens beyond this machine.
 */
final class Captchas {


	record Captcha(String id, String pngBase64, String disclosedAnswer) {
	}

	/** Test servers only (disclosed): the answers they hand out, for the test's own look-up. */
	private final Map<String, String> disclosed = new ConcurrentHashMap<>();
	private final SecureRandom random = new SecureRandom();
	private final radesk.api.SessionDesk records;
	private final boolean disclose;

	Captchas(radesk.api.SessionDesk records, boolean disclose) {
		this.records = records;
		this.disclose = disclose;
	}

	Captcha next(String clientAddress) throws IOException, radesk.api.ServiceException {
		StringBuilder answer = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			answer.append(random.nextInt(10));
		}
		byte[] idBytes = new byte[16];
		random.nextBytes(idBytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
		records.keepCaptcha(id, hash(id, answer.toString()), clientAddress);
		if (disclose) {
			if (disclosed.size() > 10_000) {
				disclosed.clear();
			}
			disclosed.put(id, answer.toString());
		}
		return new Captcha(id, draw(answer.toString()), disclose ? answer.toString() : null);
	}

	java.util.Optional<String> disclosed(String id) {
		return disclose && id != null ? java.util.Optional.ofNullable(disclosed.get(id)) : java.util.Optional.empty();
	}

	/** Checks an answer; the captcha is used up either way. */
	boolean solved(String id, String answer) throws radesk.api.ServiceException {
		return id != null && records.solveCaptcha(id, hash(id, answer == null ? "" : answer.strip()));
	}

	private static String hash(String id, String answer) {
		return radesk.core.Sha256.hex(id + ":" + answer);
	}

	private String draw(String text) throws IOException {
		BufferedImage image = new BufferedImage(160, 56, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(new Color(245, 245, 240));
			g.fillRect(0, 0, 160, 56);
			for (int i = 0; i < 6; i++) {
				g.setColor(new Color(150 + random.nextInt(80), 150 + random.nextInt(80), 150 + random.nextInt(80)));
				g.setStroke(new BasicStroke(1 + random.nextInt(2)));
				g.drawLine(random.nextInt(160), random.nextInt(56), random.nextInt(160), random.nextInt(56));
			}
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
			for (int i = 0; i < text.length(); i++) {
				g.setColor(new Color(random.nextInt(90), random.nextInt(90), 60 + random.nextInt(120)));
				double angle = (random.nextDouble() - 0.5) * 0.5;
				int x = 12 + i * 28;
				int y = 38 + random.nextInt(8);
				g.rotate(angle, x, y);
				g.drawString(String.valueOf(text.charAt(i)), x, y);
				g.rotate(-angle, x, y);
			}
		} finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		return Base64.getEncoder().encodeToString(png.toByteArray());
	}
}
