package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import radesk.api.staff.CounterIntake;
import radesk.api.staff.MailroomDesk;
import radesk.api.staff.MailroomDesk.ImportReport;
import radesk.api.staff.MailroomDesk.RejectedRow;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.registration.Channel;
import radesk.core.registration.Field;
import radesk.core.registration.Problem;
import radesk.core.registration.RequestState;
import radesk.testing.TestIds;

/** A mailroom CSV with good and bad rows: the good ones stored, the bad ones reported, nothing half. */
class MailroomImportTest {

	@Test
	void goodRowsAreStoredAndEachBadRowIsReportedWithItsReason() throws Exception {
		String a = TestIds.nationalId();
		String b = TestIds.nationalId();
		String registered = Journey.toRegisteredSubscriber().nationalId;
		String csv = String.join("\r\n", "name,national_id,email,ra_unit",
				"郵寄甲," + a + ",a@example.tw,HQ",
				"\"郵寄, 乙\"," + b + ",b@example.tw,HQ",
				"," + TestIds.nationalId() + ",c@example.tw,HQ",
				"郵寄丁,A123456788,d@example.tw,HQ",
				"郵寄戊," + a + ",e@example.tw,HQ",
				"郵寄己," + registered + ",f@example.tw,HQ",
				"郵寄庚,only-three-columns,HQ",
				"");
		ImportReport report = Services.await(MailroomDesk.class).importPostal(Staff.MAILROOM, csv);
		assertEquals(2, report.stored());
		Map<Integer, RejectedRow> byLine = report.rejected().stream().collect(Collectors.toMap(RejectedRow::line, r -> r));
		assertEquals(List.of(4, 5, 6, 7, 8), report.rejected().stream().map(RejectedRow::line).toList());
		assertTrue(byLine.get(4).problems().stream().anyMatch(p -> p.field() == Field.NAME && p.problem() == Problem.REQUIRED));
		assertTrue(byLine.get(5).problems().stream().anyMatch(p -> p.problem() == Problem.ID_WRONG_CHECKSUM));
		assertEquals("DUPLICATE_IN_FILE", byLine.get(6).note());
		assertEquals("DUPLICATE_REGISTRATION", byLine.get(7).note());
		assertEquals("COLUMNS", byLine.get(8).note());
		var stored = Services.await(CounterIntake.class).recentRequests(Staff.CLERK, 50).stream()
				.filter(r -> r.nationalId().equals(radesk.api.staff.RegistrationSummary.mask(a)) || r.nationalId().equals(radesk.api.staff.RegistrationSummary.mask(b))).toList();
		assertEquals(2, stored.size());
		assertTrue(stored.stream().allMatch(r -> r.channel() == Channel.POSTAL && r.state() == RequestState.RECEIVED));
		assertTrue(stored.stream().anyMatch(r -> r.applicantName().equals("郵寄, 乙")), "quoted commas survive");
	}

	@Test
	void aFileWithoutTheHeaderIsRefusedWhole() throws Exception {
		assertEquals(Reason.BAD_REQUEST, assertThrows(ServiceException.class, () -> Services.await(MailroomDesk.class)
				.importPostal(Staff.MAILROOM, "王小明,A123456789,a@b.tw,HQ\n")).reason());
	}

	@Test
	void onlyTheMailroomImports() throws Exception {
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class, () -> Services.await(MailroomDesk.class)
				.importPostal(Staff.CLERK, "name,national_id,email,ra_unit\n")).reason());
	}
}
