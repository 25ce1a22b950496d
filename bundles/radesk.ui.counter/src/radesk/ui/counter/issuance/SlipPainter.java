package radesk.ui.counter.issuance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;

import radesk.slips.SlipLayout;

/**
 * Draws a slip's layout with SWT: on paper (the printer's GC) with the secret, or on the screen
 * scaled to a preview with the secret masked — nobody at the counter needs to see it.
 */
final class SlipPainter {

	/** The slips' font: it has the CJK characters and a clear Latin (1/l, 0/O). */
	static final String FONT = "WenQuanYi Micro Hei";
	private static final char MASK = '\u25CF';

	private SlipPainter() {
	}

	/**
	 * Paints the marks. {@code pxPerMm} scales the layout; (x0, y0) is where the page's corner lands;
	 * {@code deviceDpiY} is the GC's device resolution (fonts are sized in its points).
	 */
	static void paint(GC gc, List<SlipLayout.Mark> marks, double pxPerMm, int x0, int y0, int deviceDpiY, boolean showSecret) {
		Device device = gc.getDevice();
		Map<Integer, Font> fonts = new HashMap<>();
		try {
			gc.setForeground(device.getSystemColor(SWT.COLOR_BLACK));
			for (SlipLayout.Mark mark : marks) {
				if (mark instanceof SlipLayout.Words w) {
					text(gc, fonts, w.xMm(), w.yMm(), w.points(), w.text(), pxPerMm, x0, y0, deviceDpiY);
				} else if (mark instanceof SlipLayout.Secret s) {
					char[] shown = showSecret ? s.chars() : String.valueOf(MASK).repeat(s.chars().length).toCharArray();
					text(gc, fonts, s.xMm(), s.yMm(), s.points(), new String(shown), pxPerMm, x0, y0, deviceDpiY);
				} else if (mark instanceof SlipLayout.Dashes d) {
					gc.setLineStyle(SWT.LINE_DASH);
					int y = y0 + (int) Math.round(d.yMm() * pxPerMm);
					gc.drawLine(x0 + (int) Math.round(d.fromXMm() * pxPerMm), y, x0 + (int) Math.round(d.toXMm() * pxPerMm), y);
					gc.setLineStyle(SWT.LINE_SOLID);
				}
			}
		} finally {
			fonts.values().forEach(Font::dispose);
		}
	}

	private static void text(GC gc, Map<Integer, Font> fonts, float xMm, float yMm, float points, String text, double pxPerMm,
			int x0, int y0, int dpiY) {
		if (text.isEmpty()) {
			return;
		}
		// the layout's points are paper points; on this device they take pxPerMm * 25.4 / 72 pixels each
		double pixels = points * pxPerMm * 25.4 / 72;
		int height = Math.max(1, (int) Math.round(pixels * 72 / dpiY));
		Font font = fonts.computeIfAbsent(height, h -> new Font(gc.getDevice(), FONT, h, SWT.NORMAL));
		gc.setFont(font);
		int ascent = gc.getFontMetrics().getAscent() + gc.getFontMetrics().getLeading();
		gc.drawString(text, x0 + (int) Math.round(xMm * pxPerMm), y0 + (int) Math.round(yMm * pxPerMm) - ascent, true);
	}
}
