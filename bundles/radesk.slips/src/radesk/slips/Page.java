package radesk.slips;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Draws the layout's marks on one PDF page (PDF measures in points from the bottom-left corner). */
final class Page {

	private static final float MM = 72f / 25.4f;

	private final PDPageContentStream out;
	private final PDType0Font font;
	private final float height;

	Page(PDPageContentStream out, PDType0Font font, float height) {
		this.out = out;
		this.font = font;
		this.height = height;
	}

	void draw(SlipLayout.Mark mark) throws IOException {
		if (mark instanceof SlipLayout.Words w) {
			text(w.xMm(), w.yMm(), w.points(), w.text());
		} else if (mark instanceof SlipLayout.Secret s) {
			text(s.xMm(), s.yMm(), s.points(), new String(s.chars()));
		} else if (mark instanceof SlipLayout.Dashes d) {
			dashes(d);
		}
	}

	private void text(float xMm, float yMm, float size, String text) throws IOException {
		if (text.isEmpty()) {
			return;
		}
		out.beginText();
		out.setFont(font, size);
		out.newLineAtOffset(xMm * MM, height - yMm * MM);
		out.showText(text);
		out.endText();
	}

	private void dashes(SlipLayout.Dashes d) throws IOException {
		out.setLineDashPattern(new float[] { 4, 3 }, 0);
		out.moveTo(d.fromXMm() * MM, height - d.yMm() * MM);
		out.lineTo(d.toXMm() * MM, height - d.yMm() * MM);
		out.stroke();
		out.setLineDashPattern(new float[] {}, 0);
	}
}
