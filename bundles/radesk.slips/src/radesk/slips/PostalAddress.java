package radesk.slips;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An address as a window envelope's window shows it. */
public final class PostalAddress {

	/** The most characters (code points) of a line in the window. */
	public static final int LINE = 20;
	private static final Pattern POSTCODE = Pattern.compile("^(\\d{3,6})\\s*(.*)$", Pattern.DOTALL);

	private PostalAddress() {
	}

	/** The postal code on a line of its own, then the rest in lines of at most {@value #LINE} characters. */
	public static List<String> windowLines(String address) {
		List<String> lines = new ArrayList<>();
		String rest = address == null ? "" : address.strip();
		Matcher code = POSTCODE.matcher(rest);
		if (code.matches()) {
			lines.add(code.group(1));
			rest = code.group(2);
		}
		while (!rest.isEmpty()) {
			int cut = rest.offsetByCodePoints(0, Math.min(LINE, rest.codePointCount(0, rest.length())));
			lines.add(rest.substring(0, cut));
			rest = rest.substring(cut);
		}
		return lines;
	}
}
