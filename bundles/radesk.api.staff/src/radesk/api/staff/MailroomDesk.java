package radesk.api.staff;

import radesk.api.ServiceException;

import java.util.List;

import radesk.core.access.Actor;
import radesk.core.registration.FieldProblem;

/**
 * 收發: postal registration forms in bulk. A CSV file (header: name,national_id,email,ra_unit)
 * is checked row by row; every good row is stored as a received postal request, nothing of a bad
 * row is, and the report says which rows were refused and why.
 */
public interface MailroomDesk {

	ImportReport importPostal(Actor mailroom, String csv) throws ServiceException;

	/** One refused row: its line in the file (the header is line 1) and what is wrong with it. */
	record RejectedRow(int line, List<FieldProblem> problems, String note) {
	}

	record ImportReport(int stored, List<RejectedRow> rejected) {
	}
}
