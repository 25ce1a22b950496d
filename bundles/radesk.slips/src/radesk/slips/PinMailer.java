package radesk.slips;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * PIN mailers as A4 PDF, in zh-TW with English beside it: the address block sits where a DL
 * window envelope shows it, the instructions follow the seed manual, and the secret stands alone
 * on a tear-off part at the foot of the page. The font (WenQuanYi Micro Hei, embedded as a
 * subset) has a clear Latin, so 1/l and 0/O do not mix up in a password.
 */
public final class PinMailer {

	private static final float MM = 72f / 25.4f;
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Taipei"));
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
				header(p, slip);
				addressBlock(p, slip);
				instructions(p, slip.kind());
				tearOff(p, slip);
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

	private static void header(Page p, Slip slip) throws IOException {
		p.text(20 * MM, 22 * MM, 15, slip.raName());
		boolean card = slip.kind() == Slip.Kind.CARD_PIN;
		p.text(20 * MM, 30 * MM, 20, card ? "晶片卡密碼單" : "憑證作業網站密碼單");
		p.text(20 * MM, 36 * MM, 10, card ? "Smart card PIN slip" : "Certificate website password slip");
		p.text(140 * MM, 22 * MM, 9, "列印時間 Printed " + WHEN.format(slip.printedAt()));
	}

	/** Where a DL window envelope (window 20 mm from the left, 45 mm from the top) shows the address. */
	private static void addressBlock(Page p, Slip slip) throws IOException {
		float y = 52 * MM;
		p.text(22 * MM, y, 12, slip.recipient() + " 君 啟");
		for (String line : slip.address()) {
			y += 6 * MM;
			p.text(22 * MM, y, 11, line);
		}
	}

	private static void instructions(Page p, Slip.Kind kind) throws IOException {
		List<String> lines = kind == Slip.Kind.CARD_PIN ? List.of(
				"請妥善保管本密碼單。此密碼係為保護晶片卡資料之安全性，",
				"當您使用晶片卡時系統會提示您輸入此密碼。",
				"若輸入錯誤超過三次將被鎖卡無法使用，請攜帶晶片卡至 RA 櫃檯辦理解鎖。",
				"密碼僅列印一次，RA 不保存您的密碼；請勿將密碼與晶片卡放在一起。",
				"",
				"Keep this slip safe. The PIN protects the data on your smart card; you are asked",
				"for it whenever the card is used. Three wrong PINs lock the card: bring it to",
				"the RA counter to have it unlocked. The PIN is printed once and not kept by the RA.") : List.of(
				"本密碼單為線上申請憑證時使用：請以下方帳號與密碼登入憑證作業網站（RA Desk 用戶端）。",
				"首次登入後請至「網站密碼修改」變更密碼。",
				"連續輸入錯誤達三次時，網站將暫停該帳號登入權限，須辦理密碼重新設定作業。",
				"密碼僅列印一次，RA 不保存您的密碼。",
				"",
				"Use this account and password to log in to the certificate website (RA Desk",
				"subscriber edition) and apply for your certificate; change the password after the",
				"first log-in. Three wrong passwords suspend the account until a reset at the counter.");
		float y = 110 * MM;
		for (String line : lines) {
			p.text(20 * MM, y, 10.5f, line);
			y += 6 * MM;
		}
	}

	private static void tearOff(Page p, Slip slip) throws IOException {
		float cut = 200 * MM;
		p.dashedLine(cut);
		p.text(20 * MM, cut + 5 * MM, 8, "請沿虛線撕下 Tear off along the dashed line");
		boolean card = slip.kind() == Slip.Kind.CARD_PIN;
		p.text(30 * MM, cut + 22 * MM, 12, (card ? "晶片卡卡號 Card serial: " : "帳號 Account: ") + slip.reference());
		p.text(30 * MM, cut + 38 * MM, 12, card ? "晶片卡密碼 PIN:" : "網站密碼 Password:");
		p.text(80 * MM, cut + 38 * MM, 22, new String(slip.secret()));
		p.text(30 * MM, cut + 52 * MM, 9, "此密碼僅列印一次。This secret is printed once.");
	}
}
