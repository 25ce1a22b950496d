package radesk.service.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.staff.MailroomDesk;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.registration.Channel;
import radesk.core.registration.CsvRows;
import radesk.core.registration.FieldProblem;
import radesk.core.registration.RaUnit;
import radesk.core.registration.RegistrationFlow;
import radesk.core.registration.RequestState;
import radesk.core.registration.WalkInForm;
import radesk.store.AuditRecords;
import radesk.store.Database;
import radesk.store.RegistrationRecords;
import radesk.store.Requests;
import radesk.store.StoreException;

/**
 * The mailroom's CSV import. Rows are checked first; the good ones are stored in transactions of
 * a couple of thousand (each row with its audit entry), so a large batch goes fast and a failure
 * within a chunk falls back to storing that chunk's rows one by one.
 */
@Component(service = MailroomDesk.class)
public final class LocalMailroomDesk implements MailroomDesk {

	static final List<String> HEADER = List.of("name", "national_id", "email", "ra_unit");
	private static final int CHUNK = 2000;

	private final Database db;
	private final RegistrationRecords records;
	private final EmbeddedRa ra;

	@Activate
	public LocalMailroomDesk(@Reference Database db, @Reference RegistrationRecords records, @Reference EmbeddedRa ra) {
		this.db = db;
		this.records = records;
		this.ra = ra;
	}

	private record Row(int line, WalkInForm form) {
	}

	@Override
	public ImportReport importPostal(Actor mailroom, String csv) throws ServiceException {
		Guard.require(mailroom, Permission.INTAKE_POSTAL);
		List<List<String>> rows = CsvRows.parse(csv == null ? "" : csv);
		if (rows.isEmpty() || !rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
			throw new ServiceException(Reason.BAD_REQUEST, "the first line must be: " + String.join(",", HEADER));
		}
		Set<String> units = records.raUnits().stream().map(RaUnit::code).collect(Collectors.toSet());
		List<RejectedRow> rejected = new ArrayList<>();
		List<Row> good = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> cells = rows.get(i);
			if (cells.size() == 1 && cells.get(0).isBlank()) {
				continue;
			}
			if (cells.size() != HEADER.size()) {
				rejected.add(new RejectedRow(i + 1, List.of(), "COLUMNS"));
				continue;
			}
			WalkInForm form = new WalkInForm(cells.get(0), cells.get(1), cells.get(2), cells.get(3));
			List<FieldProblem> problems = form.problems(units);
			if (!problems.isEmpty()) {
				rejected.add(new RejectedRow(i + 1, problems, "FIELDS"));
			} else if (!seen.add(form.nationalId())) {
				rejected.add(new RejectedRow(i + 1, List.of(), "DUPLICATE_IN_FILE"));
			} else {
				good.add(new Row(i + 1, form));
			}
		}
		int stored = 0;
		for (int from = 0; from < good.size(); from += CHUNK) {
			List<Row> chunk = good.subList(from, Math.min(good.size(), from + CHUNK));
			try {
				stored += store(mailroom, chunk, rejected);
			} catch (StoreException e) {
				for (Row row : chunk) {
					try {
						stored += store(mailroom, List.of(row), new ArrayList<>());
					} catch (StoreException single) {
						rejected.add(new RejectedRow(row.line(), List.of(), "NOT_STORED"));
					}
				}
			}
		}
		rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
		return new ImportReport(stored, List.copyOf(rejected));
	}

	/** Stores a chunk in one transaction; rows already registered are refused, not stored. */
	private int store(Actor mailroom, List<Row> chunk, List<RejectedRow> rejected) throws ServiceException {
		Instant now = ra.clock.instant();
		RequestState state = RegistrationFlow.initialState(Channel.POSTAL);
		List<RejectedRow> duplicates = new ArrayList<>();
		int count = db.inTransaction((Connection c) -> {
			Set<String> taken = Requests.alreadyRegistered(c, chunk.stream().map(r -> r.form().nationalId()).toList());
			List<WalkInForm> fresh = new ArrayList<>();
			for (Row row : chunk) {
				if (taken.contains(row.form().nationalId())) {
					duplicates.add(new RejectedRow(row.line(), List.of(), "DUPLICATE_REGISTRATION"));
				} else {
					fresh.add(row.form());
				}
			}
			long[] ids = Requests.insertAll(c, fresh, Channel.POSTAL, state, mailroom.account(), mailroom.workstation(), now);
			List<AuditRecords.Change> changes = new ArrayList<>();
			for (long id : ids) {
				changes.add(new AuditRecords.Change("REQUEST_SUBMITTED", "request:" + id, null, Channel.POSTAL + " " + state + " (CSV)"));
			}
			AuditRecords.appendAll(c, mailroom, changes, now);
			return ids.length;
		});
		rejected.addAll(duplicates);
		return count;
	}
}
