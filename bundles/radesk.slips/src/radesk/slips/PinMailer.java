package radesk.slips;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * PIN mailers as A4 PDF, in zh-TW with English beside it, drawn from the {@link SlipLayout} the
 * workstation prints too. The font (WenQuanYi Micro Hei, embedded as a
 * subset) has a clear Latin, so 1/l and 0/O do not mix up in a password.
 */
public final class PinMailer {

	private static final List<Path> FONTS = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
			Path.of("C:/Windows/Fonts/msjh.ttc"));

	private PinMailer() {
	}

	/** The PDF of one slip. The slip's secret is wiped when this returns. */
	public static byte[] render(Slip slip) throws IOException {
		try (TrueTypeCollection fonts = new TrueTypeCollection(fontFile()); PDDocument doc = new PDDocument()) {
			PDType0Font font = PDType0Font.load(doc, pick(fonts), true);
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
				Page p = new Page(out, font, page.getMediaBox().getHeight());
				for (SlipLayout.Mark mark : SlipLayout.of(slip)) {
					p.draw(mark);
				}
			}
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			doc.save(pdf);
			return pdf.toByteArray();
		} finally {
			Arrays.fill(slip.secret(), '\0');
		}
	}

	private static File fontFile() throws IOException {
		String configured = System.getProperty("radesk.slip.font");
		if (configured != null) {
			return new File(configured);
		}
		for (Path f : FONTS) {
			if (Files.isReadable(f)) {
				return f.toFile();
			}
		}
		throw new IOException("no CJK TrueType font for the slips: install fonts-wqy-microhei or set radesk.slip.font");
	}

	private static TrueTypeFont pick(TrueTypeCollection fonts) throws IOException {
		TrueTypeFont wanted = fonts.getFontByName("WenQuanYiMicroHei");
		if (wanted != null) {
			return wanted;
		}
		TrueTypeFont[] first = new TrueTypeFont[1];
		fonts.processAllFonts(f -> {
			if (first[0] == null) {
				first[0] = f;
			}
		});
		return first[0];
	}
}
