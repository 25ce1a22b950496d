package radesk.slips;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Drawing on one page with coordinates from the top-left corner, as a layout is measured. */
final class Page {

	private final PDPageContentStream out;
	private final PDType0Font font;
	private final float height;

	Page(PDPageContentStream out, PDType0Font font, float height) {
		this.out = out;
		this.font = font;
		this.height = height;
	}

	void text(float x, float fromTop, float size, String text) throws IOException {
		out.beginText();
		out.setFont(font, size);
		out.newLineAtOffset(x, height - fromTop);
		out.showText(text);
		out.endText();
	}

	void dashedLine(float fromTop) throws IOException {
		out.setLineDashPattern(new float[] { 4, 3 }, 0);
		out.moveTo(15 * 72f / 25.4f, height - fromTop);
		out.lineTo(195 * 72f / 25.4f, height - fromTop);
		out.stroke();
		out.setLineDashPattern(new float[] {}, 0);
	}
}
