package radesk.slips;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PostalAddressTest {

	@Test
	void thePostcodeOnItsOwnLineThenLinesOfTwentyCharacters() {
		assertEquals(List.of("106", "台北市大安區復興南路一段390號3樓之1", "（收發室轉）"),
				PostalAddress.windowLines(" 106 台北市大安區復興南路一段390號3樓之1（收發室轉） "));
		assertEquals(List.of("No. 1, Sec. 4, Roose", "velt Rd."), PostalAddress.windowLines("No. 1, Sec. 4, Roosevelt Rd."));
		assertEquals(List.of(), PostalAddress.windowLines(null));
		assertEquals(List.of("𠀀".repeat(20), "𠀀"), PostalAddress.windowLines("𠀀".repeat(21)), "code points, not chars");
	}
}
