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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

/**
 * 驗證碼 for the password log-in: five random digits drawn with noise as a PNG, good for one
 * attempt within five minutes. Only the server knows the answer; a test server bound to the
 * loopback address may disclose it ({@code -Dradesk.server.captcha=disclosed}) so that tests can
 * log in — never a server that listens beyond this machine.
 */
final class Captchas {

	static final Duration LIFE = Duration.ofMinutes(5);

	record Captcha(String id, String pngBase64, String disclosedAnswer) {
	}

	private record Pending(String answer, Instant until) {
	}

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();
	private final SecureRandom random = new SecureRandom();
	private final Clock clock;
	private final boolean disclose;

	Captchas(Clock clock, boolean disclose) {
		this.clock = clock;
		this.disclose = disclose;
	}

	Captcha next() throws IOException {
		Instant now = clock.instant();
		pending.values().removeIf(p -> p.until().isBefore(now));
		StringBuilder answer = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			answer.append(random.nextInt(10));
		}
		byte[] idBytes = new byte[16];
		random.nextBytes(idBytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
		pending.put(id, new Pending(answer.toString(), now.plus(LIFE)));
		return new Captcha(id, draw(answer.toString()), disclose ? answer.toString() : null);
	}

	java.util.Optional<String> disclosed(String id) {
		Pending p = disclose && id != null ? pending.get(id) : null;
		return p == null ? java.util.Optional.empty() : java.util.Optional.of(p.answer());
	}

	/** Checks an answer; the captcha is used up either way. */
	boolean solved(String id, String answer) {
		Pending p = id == null ? null : pending.remove(id);
		return p != null && !p.until().isBefore(clock.instant()) && p.answer().equals(answer == null ? "" : answer.strip());
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
