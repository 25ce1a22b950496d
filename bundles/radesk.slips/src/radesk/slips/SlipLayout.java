package radesk.slips;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where everything of a PIN mailer goes on an A4 page, in millimetres from the top-left corner,
 * as marks any medium can draw: the PDF ({@link PinMailer}) and the workstation's preview and
 * printer draw the same list. The address sits where a DL window envelope shows it, the
 * instructions follow the seed manual, the secret stands alone on a tear-off part.
 */
public final class SlipLayout {

	public static final float PAGE_WIDTH_MM = 210;
	public static final float PAGE_HEIGHT_MM = 297;

	/** Something drawn on the slip. */
	public sealed interface Mark permits Words, Secret, Dashes {
	}

	/** Text at (x, y) mm — y is the baseline — in a font of {@code points}. */
	public record Words(float xMm, float yMm, float points, String text) implements Mark {
	}

	/** The slip's secret: drawn only where it may be seen (paper), masked in a preview. */
	public record Secret(float xMm, float yMm, float points, char[] chars) implements Mark {
	}

	/** The dashed tear-off line across the page at y mm. */
	public record Dashes(float yMm, float fromXMm, float toXMm) implements Mark {
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Taipei"));

	private SlipLayout() {
	}

	/** The marks of one slip; the {@link Secret} shares the slip's char array (wipe the slip when done). */
	public static List<Mark> of(Slip slip) {
		List<Mark> marks = new ArrayList<>();
		boolean card = slip.kind() == Slip.Kind.CARD_PIN;
		marks.add(new Words(20, 22, 15, slip.raName()));
		marks.add(new Words(20, 30, 20, card ? "晶片卡密碼單" : "憑證作業網站密碼單"));
		marks.add(new Words(20, 36, 10, card ? "Smart card PIN slip" : "Certificate website password slip"));
		marks.add(new Words(140, 22, 9, "列印時間 Printed " + WHEN.format(slip.printedAt())));
		// a DL window envelope (window 20 mm from the left, 45 mm from the top) shows the address
		float y = 52;
		marks.add(new Words(22, y, 12, slip.recipient() + " 君 啟"));
		for (String line : slip.address()) {
			y += 6;
			marks.add(new Words(22, y, 11, line));
		}
		y = 110;
		for (String line : instructions(slip.kind())) {
			marks.add(new Words(20, y, 10.5f, line));
			y += 6;
		}
		float cut = 200;
		marks.add(new Dashes(cut, 15, 195));
		marks.add(new Words(20, cut + 5, 8, "請沿虛線撕下 Tear off along the dashed line"));
		marks.add(new Words(30, cut + 22, 12, (card ? "晶片卡卡號 Card serial: " : "帳號 Account: ") + slip.reference()));
		marks.add(new Words(30, cut + 38, 12, card ? "晶片卡密碼 PIN:" : "網站密碼 Password:"));
		marks.add(new Secret(80, cut + 38, 22, slip.secret()));
		marks.add(new Words(30, cut + 52, 9, "此密碼僅列印一次。This secret is printed once."));
		return marks;
	}

	private static List<String> instructions(Slip.Kind kind) {
		return kind == Slip.Kind.CARD_PIN ? List.of(
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
	}
}
