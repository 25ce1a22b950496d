package radesk.core.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRowsTest {

	@Test
	void readsPlainQuotedAndMultiLineFields() {
		assertEquals(List.of(List.of("name", "id"), List.of("王小明", "A123456789"), List.of("Lee, \"Al\"", "line1\nline2")),
				CsvRows.parse("name,id\r\n王小明,A123456789\r\n\"Lee, \"\"Al\"\"\",\"line1\nline2\"\r\n"));
	}

	@Test
	void toleratesAByteOrderMarkAMissingLastNewlineAndEmptyFields() {
		assertEquals(List.of(List.of("a", "", "c"), List.of("d")), CsvRows.parse("\uFEFFa,,c\nd"));
		assertEquals(List.of(), CsvRows.parse(""));
	}
}
