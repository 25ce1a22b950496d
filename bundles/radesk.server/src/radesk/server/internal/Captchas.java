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
 * 驗證碼 for the password log-in: six random digits drawn against OCR as a PNG, good for one
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
		for (int i = 0; i < DIGITS; i++) {
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

	static final int WIDTH = 210;
	static final int HEIGHT = 64;
	static final int DIGITS = 6;
	private static final String[] FAMILIES = { Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED };

	/**
	 * The picture: each digit in its own font, size, shear and turn, all in one ink, with faint
	 * decoy digits behind, one stroke of the same ink through them, a wave through the whole
	 * picture and speckles. Off-the-shelf OCR (tesseract 5, with thresholding) read 68-78% of the
	 * earlier five plain digits and none of these (security review L10; CaptchaStrengthTest).
	 */
	static BufferedImage picture(String text, SecureRandom random) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		Color ink = new Color(random.nextInt(70), random.nextInt(70), 50 + random.nextInt(100));
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setColor(new Color(240 + random.nextInt(15), 240 + random.nextInt(15), 230 + random.nextInt(20)));
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setFont(new Font(Font.SERIF, Font.PLAIN, 18));
			for (int i = 0; i < 14; i++) {
				g.setColor(new Color(185 + random.nextInt(40), 185 + random.nextInt(40), 185 + random.nextInt(40)));
				g.drawString(String.valueOf(random.nextInt(10)), random.nextInt(WIDTH), 10 + random.nextInt(HEIGHT));
			}
			double x = 10 + random.nextInt(8);
			g.setColor(ink);
			for (int i = 0; i < text.length(); i++) {
				java.awt.geom.AffineTransform turn = new java.awt.geom.AffineTransform();
				turn.shear((random.nextDouble() - 0.5) * 0.4, 0);
				turn.rotate((random.nextDouble() - 0.5) * 0.5);
				g.setFont(new Font(FAMILIES[random.nextInt(FAMILIES.length)], random.nextBoolean() ? Font.BOLD : Font.PLAIN,
						32 + random.nextInt(8)).deriveFont(turn));
				g.drawString(String.valueOf(text.charAt(i)), (float) x, 40 + random.nextInt(12));
				x += 28 + random.nextInt(5);
			}
			g.setStroke(new BasicStroke(2f + random.nextFloat()));
			g.draw(new java.awt.geom.CubicCurve2D.Double(0, 15 + random.nextInt(35), WIDTH / 3.0, random.nextInt(HEIGHT),
					2 * WIDTH / 3.0, random.nextInt(HEIGHT), WIDTH, 15 + random.nextInt(35)));
		} finally {
			g.dispose();
		}
		BufferedImage waved = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		double amplitude = 2 + random.nextDouble() * 1.5;
		double period = 30 + random.nextDouble() * 20;
		double sideways = 1 + random.nextDouble() * 1.5;
		double sidewaysPeriod = 20 + random.nextDouble() * 15;
		double phase = random.nextDouble() * Math.PI * 2;
		for (int px = 0; px < WIDTH; px++) {
			for (int py = 0; py < HEIGHT; py++) {
				int sx = (int) Math.round(px + sideways * Math.sin(2 * Math.PI * py / sidewaysPeriod + phase));
				int sy = (int) Math.round(py + amplitude * Math.sin(2 * Math.PI * px / period + phase));
				waved.setRGB(px, py, image.getRGB(Math.min(WIDTH - 1, Math.max(0, sx)), Math.min(HEIGHT - 1, Math.max(0, sy))));
			}
		}
		for (int i = 0; i < WIDTH * HEIGHT / 60; i++) {
			int v = random.nextInt(256);
			waved.setRGB(random.nextInt(WIDTH), random.nextInt(HEIGHT), new Color(v, v, v).getRGB());
		}
		return waved;
	}

	private String draw(String text) throws IOException {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(picture(text, random), "png", png);
		return Base64.getEncoder().encodeToString(png.toByteArray());
	}
}
